// What the emulator knows, for checking the shop's records against Amazon's.
import { EMULATOR_URL } from "./environment";
import { e2eDb } from "./database";

interface EmulatorSession {
  checkoutSessionId: string;
  statusDetails: { state: string; reasonCode: string | null };
  chargeId: string | null;
  chargePermissionId: string | null;
}

export async function emulatorSessions(): Promise<EmulatorSession[]> {
  const response = await fetch(`${EMULATOR_URL}/__emulator/state`);
  const state = (await response.json()) as { checkoutSessions: EmulatorSession[] };
  return state.checkoutSessions;
}

/**
 * The guarantees: a session Amazon completed has exactly one order, recorded with the charge
 * permission and charge Amazon created and exactly one charge row; a session Amazon did not
 * complete has no paid order (none at all, or a Draft/Failed one the buyer can retry from).
 */
export async function assertOneOrderPerCompletedSession(sessionIds: readonly string[]): Promise<void> {
  const sessions = await emulatorSessions();
  for (const id of sessionIds) {
    const truth = sessions.find((s) => s.checkoutSessionId === id);
    if (!truth) throw new Error(`the emulator does not know session ${id}`);
    const orders = await e2eDb().order.findMany({
      where: { checkoutSessionId: id },
      include: { charges: true },
    });
    if (orders.length > 1) throw new Error(`session ${id} has ${orders.length} orders`);
    const order = orders[0];
    if (truth.statusDetails.state === "Completed") {
      if (!order)
        throw new Error(`session ${id} was completed at Amazon (charge ${truth.chargeId}) but has no order`);
      if (order.chargePermissionId !== truth.chargePermissionId || order.chargeId !== truth.chargeId) {
        throw new Error(
          `order ${order.orderNumber} records ${order.chargePermissionId}/${order.chargeId}, Amazon has ${truth.chargePermissionId}/${truth.chargeId}`,
        );
      }
      if (order.charges.length !== 1 || order.charges[0]?.id !== truth.chargeId)
        throw new Error(`order ${order.orderNumber} has ${order.charges.length} charges`);
      if (["Draft", "Failed"].includes(order.status))
        throw new Error(`order ${order.orderNumber} is ${order.status} although Amazon completed it`);
    } else if (order && !["Draft", "Failed"].includes(order.status)) {
      throw new Error(
        `order ${order.orderNumber} is ${order.status} but Amazon's session is ${truth.statusDetails.state}`,
      );
    }
  }
}
