// Amazon treats a member sent as `null` like a member not sent (the official Node SDK's own tests
// send `billingAddress: null` on Finalize). Request bodies lose their null members before any
// operation validates them, so every optional member accepts null and a required one sent as
// null is missing.

/** A copy of `value` without the null members of its objects, at any depth; array items stay. */
export function withoutNullMembers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNullMembers);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
    if (member !== null) out[key] = withoutNullMembers(member);
  }
  return out;
}
