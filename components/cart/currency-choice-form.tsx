import { chooseCurrencyFormAction } from "@/lib/presentment/action";

interface CurrencyChoiceFormProps {
  currencies: readonly string[];
  selected: string;
}

/** "Pay in": a plain form (no client JavaScript); the cart comes back repriced. */
export function CurrencyChoiceForm({ currencies, selected }: CurrencyChoiceFormProps) {
  return (
    <form action={chooseCurrencyFormAction} className="row" data-testid="currency-choice-form">
      <label htmlFor="currency-choice">Pay in</label>
      <select id="currency-choice" name="currency" defaultValue={selected}>
        {currencies.map((currency) => (
          <option key={currency} value={currency}>
            {currency}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--secondary button--small">
        Update currency
      </button>
    </form>
  );
}
