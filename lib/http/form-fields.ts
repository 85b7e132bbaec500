// Reads a server action's form fields, whatever the caller sent.
/** Decoded action arguments are plain JSON data or a FormData, and only a FormData has methods. */
function isFormData(value: unknown): value is FormData {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { get?: unknown }).get === "function" &&
    typeof (value as { getAll?: unknown }).getAll === "function"
  );
}

/**
 * Reads only the named fields from a FormData: File values and unknown fields are ignored. An
 * action can be called by hand with any arguments, so anything that is not a FormData reads as
 * empty fields (and fails validation with a message) instead of throwing.
 */
export function formFields<K extends string>(form: unknown, names: readonly K[]): Record<K, string | null> {
  const fields = {} as Record<K, string | null>;
  for (const name of names) {
    const value = isFormData(form) ? form.get(name) : null;
    fields[name] = typeof value === "string" ? value : null;
  }
  return fields;
}
