// Charge Permission operations: get, update and close.
import { type CallOptions } from "../call-options";
import {
  chargePermissionSchema,
  closeChargePermissionRequestSchema,
  updateChargePermissionRequestSchema,
  type ChargePermission,
  type CloseChargePermissionBody,
  type UpdateChargePermissionBody,
} from "../schemas/charge-permission";
import { segment, type CallOperation, type Result } from "./operation";

export interface ChargePermissionOperations {
  get(chargePermissionId: string, options?: CallOptions): Result<ChargePermission>;
  update(
    chargePermissionId: string,
    body: UpdateChargePermissionBody,
    options?: CallOptions,
  ): Result<ChargePermission>;
  close(
    chargePermissionId: string,
    body: CloseChargePermissionBody,
    options?: CallOptions,
  ): Result<ChargePermission>;
}

const permissionPath = (operation: string, id: string) =>
  `/v2/chargePermissions/${segment(operation, "chargePermissionId", id)}`;

export function chargePermissionOperations(call: CallOperation): ChargePermissionOperations {
  return {
    get: async (id, o) =>
      call(
        {
          operation: "getChargePermission",
          method: "GET",
          path: permissionPath("getChargePermission", id),
          response: chargePermissionSchema,
        },
        o,
      ),
    update: async (id, body, o) =>
      call(
        {
          operation: "updateChargePermission",
          method: "PATCH",
          path: permissionPath("updateChargePermission", id),
          request: updateChargePermissionRequestSchema,
          body,
          response: chargePermissionSchema,
        },
        o,
      ),
    close: async (id, body, o) =>
      call(
        {
          operation: "closeChargePermission",
          method: "DELETE",
          path: `${permissionPath("closeChargePermission", id)}/close`,
          request: closeChargePermissionRequestSchema,
          body,
          response: chargePermissionSchema,
        },
        o,
      ),
  };
}
