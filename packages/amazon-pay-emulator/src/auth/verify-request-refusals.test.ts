// The emulator's request verification: what it refuses, and with which documented error.
import { describe, expect, it } from "vitest";
import {
  formatAuthorization,
  signString,
  stringToSign,
  canonicalRequest,
} from "@storefront/amazon-pay/signing";
import { verifyRequest } from "./verify-request";
import {
  basicDate,
  build,
  deps,
  extendedDate,
  KEY_ID,
  NOW,
  privateKey,
  record,
  rejection,
} from "./signed-request-fixture";

describe("request verification", () => {
  it("rejects a tampered body, path, header or signature with InvalidRequestSignature echoing the string to sign", () => {
    const req = build();
    const tampered = [
      { ...req, body: Buffer.from('{"storeId":"t"}') },
      { ...req, rawPath: "/v2/charges" },
      { ...req, headers: { ...req.headers, "x-amz-pay-idempotency-key": "other" } },
      {
        ...req,
        headers: {
          ...req.headers,
          authorization: (req.headers.authorization as string).replace(
            /Signature=(.)/,
            (_m, c: string) => `Signature=${c === "A" ? "B" : "A"}`,
          ),
        },
      },
    ];
    for (const t of tampered) {
      const error = rejection(t);
      expect(error).toMatchObject({ status: 401, reasonCode: "InvalidRequestSignature" });
      expect(error.message).toMatch(
        /^Unable to verify signature, signing String \[AMZN-PAY-RSASSA-PSS-V2\\n[0-9a-f]{64}\] , signature \[/,
      );
    }
    const canonical = canonicalRequest({
      method: "POST",
      path: "/v2/charges",
      headers: req.headers as Record<string, string>,
      signedHeaders: [
        "accept",
        "content-type",
        "x-amz-pay-date",
        "x-amz-pay-host",
        "x-amz-pay-idempotency-key",
        "x-amz-pay-region",
      ],
      body: req.body,
    });
    expect(rejection(tampered[1]!).message).toContain(
      stringToSign("AMZN-PAY-RSASSA-PSS-V2", canonical).replace("\n", "\\n"),
    );
  });

  it("rejects a signature made with the wrong salt length", () => {
    const req = build({ algorithm: "AMZN-PAY-RSASSA-PSS" });
    const wrong = (req.headers.authorization as string).replace(
      "AMZN-PAY-RSASSA-PSS ",
      "AMZN-PAY-RSASSA-PSS-V2 ",
    );
    expect(rejection({ ...req, headers: { ...req.headers, authorization: wrong } }).reasonCode).toBe(
      "InvalidRequestSignature",
    );
  });

  it("uses the configured status for signature errors", () => {
    const req = build({ body: "{}" });
    expect(rejection({ ...req, body: Buffer.from("[]") }, deps({ signatureErrorStatus: 403 })).status).toBe(
      403,
    );
  });

  it("rejects an unknown key with 401 UnauthorizedAccess", () => {
    expect(rejection(build(), deps({ merchant: () => undefined }))).toMatchObject({
      status: 401,
      reasonCode: "UnauthorizedAccess",
    });
  });

  it("refuses LIVE keys", () => {
    const req = build();
    const live = (req.headers.authorization as string).replace(KEY_ID, "LIVE-AFVX7ULWSGBZ5535PCUQOY7B");
    expect(rejection({ ...req, headers: { ...req.headers, authorization: live } })).toMatchObject({
      status: 400,
      reasonCode: "InvalidRequest",
    });
  });

  it("rejects a stale or future date against the real clock, with 400 InvalidHeaderValue", () => {
    expect(rejection(build({ headers: { "x-amz-pay-date": basicDate(NOW - 16 * 60_000) } }))).toMatchObject({
      status: 400,
      reasonCode: "InvalidHeaderValue",
    });
    expect(
      rejection(build({ headers: { "x-amz-pay-date": extendedDate(NOW + 16 * 60_000) } })).reasonCode,
    ).toBe("InvalidHeaderValue");
    expect(rejection(build({ headers: { "x-amz-pay-date": "2026-13-01T00:00:00Z" } })).reasonCode).toBe(
      "InvalidHeaderValue",
    );
  });

  it("requires x-amz-pay-date and x-amz-pay-host to be present and signed", () => {
    const unsignedDate = build({
      signHeaders: ["accept", "content-type", "x-amz-pay-host", "x-amz-pay-region"],
    });
    expect(rejection(unsignedDate)).toMatchObject({ status: 401, reasonCode: "InvalidRequestSignature" });
    expect(rejection(unsignedDate).message).toContain("x-amz-pay-date");
    const unsignedHost = build({
      signHeaders: ["accept", "content-type", "x-amz-pay-date", "x-amz-pay-region"],
    });
    expect(rejection(unsignedHost).message).toContain("x-amz-pay-host");
    const req = build();
    const { "x-amz-pay-date": _date, ...withoutDate } = req.headers;
    expect(rejection({ ...req, headers: withoutDate })).toMatchObject({
      status: 400,
      reasonCode: "MissingHeader",
    });
  });

  it("rejects a signed header that is not sent", () => {
    const req = build({ headers: { "x-custom": "1" } });
    const { "x-custom": _custom, ...rest } = req.headers;
    expect(rejection({ ...req, headers: rest })).toMatchObject({ status: 400, reasonCode: "MissingHeader" });
  });

  it("explains a missing, empty, malformed or unknown-algorithm authorization header", () => {
    const req = build();
    const { authorization: _a, ...none } = req.headers;
    expect(rejection({ ...req, headers: none })).toMatchObject({ status: 400, reasonCode: "MissingHeader" });
    expect(rejection({ ...req, headers: { ...req.headers, authorization: " " } }).reasonCode).toBe(
      "MissingHeaderValue",
    );
    expect(
      rejection({ ...req, headers: { ...req.headers, authorization: "AMZN-PAY-RSASSA-PSS-V2 nonsense" } }),
    ).toMatchObject({ status: 400, reasonCode: "InvalidHeaderValue" });
    const signature = signString("AMZN-PAY-RSASSA-PSS-V2", "x", privateKey);
    const unknown = formatAuthorization({
      algorithm: "AMZN-PAY-RSASSA-PSS-V2",
      publicKeyId: KEY_ID,
      signedHeaders: ["x-amz-pay-date"],
      signature,
    }).replace("AMZN-PAY-RSASSA-PSS-V2", "AMZN-PAY-HMAC");
    expect(rejection({ ...req, headers: { ...req.headers, authorization: unknown } })).toMatchObject({
      status: 401,
      reasonCode: "InvalidRequestSignature",
    });
  });

  it("accepts the documented regions in any case and refuses others", () => {
    expect(verifyRequest(build({ headers: { "x-amz-pay-region": "US" } }), deps())).toBe(record);
    expect(
      verifyRequest(build({ headers: { "x-amz-pay-region": "EU" } }), deps({ wrongRegion: "accept" })),
    ).toBe(record);
    expect(rejection(build({ headers: { "x-amz-pay-region": "mars" } })).reasonCode).toBe(
      "InvalidHeaderValue",
    );
  });
});
