// Shared result type of the pure state machines: the next state, or the API error refusing it.

export interface Refusal {
  status: number;
  reasonCode: string;
  message: string;
}

export type Transition<S> = { ok: true; next: S } | { ok: false; refusal: Refusal };

export const allow = <S>(next: S): Transition<S> => ({ ok: true, next });
export const refuse = <S>(status: number, reasonCode: string, message: string): Transition<S> => ({
  ok: false,
  refusal: { status, reasonCode, message },
});
