// Errors answered by the API as `{ reasonCode, message }`.

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly reasonCode: string,
    message: string,
  ) {
    super(message);
  }

  toBody(): { reasonCode: string; message: string } {
    return { reasonCode: this.reasonCode, message: this.message };
  }
}

export const invalidParameter = (field: string, detail?: string) =>
  new ApiError(
    400,
    "InvalidParameterValue",
    `The value provided for [${field}] is invalid${detail ? `: ${detail}` : ""}.`,
  );

export const missingParameter = (field: string) =>
  new ApiError(400, "MissingParameterValue", `Value is missing for the required parameter [${field}].`);

export const unrecognizedField = (field: string) =>
  new ApiError(400, "UnrecognizedField", `The field [${field}] is not recognized for this operation.`);

export const invalidCombination = (message: string) =>
  new ApiError(400, "InvalidParameterCombination", message);

export const currencyMismatch = (message: string) => new ApiError(400, "CurrencyMismatch", message);

export const resourceNotFound = (kind: string, id: string) =>
  new ApiError(404, "ResourceNotFound", `The ${kind} with id [${id}] was not found.`);

export const unprocessable = (reasonCode: string, message: string) => new ApiError(422, reasonCode, message);

export const invalidSimulation = (message: string) =>
  new ApiError(400, "InvalidSandboxSimulationSpecified", message);
