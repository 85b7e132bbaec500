import "server-only";
// Reads from the database only what one settlement report refers to (its charge, refund,
// dispute, order and charge permission ids) and the captures its period should contain.
import type { SettlementTransaction } from "@storefront/amazon-pay/settlement-report";
import { db } from "@/lib/db";
import { isCurrency, money } from "@/lib/money";
import type { ChargeRecord, DisputeRecord, RefundRecord, ShopRecords } from "./shop-records";

const DAY_MS = 86_400_000;
/** Bound on the ids in one query (SQLite's limit on bound variables is far above it). */
const CHUNK = 500;

function chunks<T>(values: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(values.slice(i, i + CHUNK));
  return out;
}

const present = (values: (string | null)[]) => [
  ...new Set(values.filter((v): v is string => v !== null && v !== "")),
];

interface ChargeRow {
  id: string;
  currency: string;
  capturedMinor: number;
  capturedAt: Date | null;
  updatedAt: Date;
  order: { orderNumber: string };
}

function chargeRecord(row: ChargeRow): ChargeRecord | null {
  if (!isCurrency(row.currency)) return null;
  return {
    chargeId: row.id,
    orderNumber: row.order.orderNumber,
    captured: money(row.capturedMinor, row.currency),
    // Charges captured before capturedAt was recorded: their last change is the best estimate.
    capturedAt: row.capturedAt ?? row.updatedAt,
  };
}

export interface RecordsQuery {
  transactions: readonly SettlementTransaction[];
  periodStart: Date | null;
  periodEnd: Date | null;
  expectedDays: number;
}

export async function loadShopRecords(query: RecordsQuery): Promise<ShopRecords> {
  const prisma = db();
  const ids = present(query.transactions.map((t) => t.amazonTransactionId));
  const references = present(query.transactions.flatMap((t) => [t.sellerOrderId, t.sellerReferenceId]));
  const permissions = present(query.transactions.map((t) => t.amazonOrderReferenceId));
  const chargeSelect = {
    id: true,
    currency: true,
    capturedMinor: true,
    capturedAt: true,
    updatedAt: true,
    order: { select: { orderNumber: true } },
  } as const;

  const charges = new Map<string, ChargeRecord>();
  const refunds = new Map<string, RefundRecord>();
  const disputes = new Map<string, DisputeRecord>();
  for (const part of chunks(ids)) {
    for (const row of await prisma.charge.findMany({ where: { id: { in: part } }, select: chargeSelect })) {
      const record = chargeRecord(row);
      if (record) charges.set(record.chargeId, record);
    }
    const refundRows = await prisma.refund.findMany({
      where: { id: { in: part } },
      select: {
        id: true,
        currency: true,
        amountMinor: true,
        state: true,
        order: { select: { orderNumber: true } },
      },
    });
    for (const row of refundRows) {
      if (!isCurrency(row.currency)) continue;
      refunds.set(row.id, {
        refundId: row.id,
        orderNumber: row.order.orderNumber,
        amount: money(row.amountMinor, row.currency),
        state: row.state,
      });
    }
    const disputeRows = await prisma.dispute.findMany({
      where: { id: { in: part } },
      select: {
        id: true,
        currency: true,
        amountMinor: true,
        state: true,
        resolution: true,
        order: { select: { orderNumber: true } },
      },
    });
    for (const row of disputeRows) {
      if (!isCurrency(row.currency)) continue;
      disputes.set(row.id, {
        disputeId: row.id,
        orderNumber: row.order?.orderNumber ?? null,
        amount: money(row.amountMinor, row.currency),
        state: row.state,
        resolution: row.resolution,
      });
    }
  }

  const orderNumbers = new Set<string>();
  for (const part of chunks(references)) {
    const rows = await prisma.order.findMany({
      where: { orderNumber: { in: part } },
      select: { orderNumber: true },
    });
    for (const row of rows) orderNumbers.add(row.orderNumber);
  }
  const orderByChargePermission = new Map<string, string>();
  for (const part of chunks(permissions)) {
    const rows = await prisma.order.findMany({
      where: { chargePermissionId: { in: part } },
      select: { orderNumber: true, chargePermissionId: true },
    });
    for (const row of rows)
      if (row.chargePermissionId) orderByChargePermission.set(row.chargePermissionId, row.orderNumber);
  }

  const dueCaptures: ChargeRecord[] = [];
  if (query.periodStart && query.periodEnd) {
    const dueBy = new Date(query.periodEnd.getTime() - query.expectedDays * DAY_MS);
    const window = { gte: query.periodStart, lte: dueBy };
    const rows = await prisma.charge.findMany({
      where: {
        state: "Captured",
        capturedMinor: { gt: 0 },
        OR: [{ capturedAt: window }, { capturedAt: null, updatedAt: window }],
      },
      select: chargeSelect,
      orderBy: { id: "asc" },
    });
    for (const row of rows) {
      const record = chargeRecord(row);
      if (record) dueCaptures.push(record);
    }
  }
  return { charges, refunds, disputes, orderNumbers, orderByChargePermission, dueCaptures };
}
