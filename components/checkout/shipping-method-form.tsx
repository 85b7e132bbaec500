import { chooseShippingMethodFormAction } from "@/lib/checkout/action";
import type { ShippingOption } from "@/lib/pricing/shipping-methods";
import { Price } from "@/components/price";

interface ShippingMethodFormProps {
  sessionId: string;
  options: ShippingOption[];
  selected: string;
}

/** A plain form (no client JavaScript): choose a method, press "Update shipping". */
export function ShippingMethodForm({ sessionId, options, selected }: ShippingMethodFormProps) {
  return (
    <form action={chooseShippingMethodFormAction} className="stack" data-testid="shipping-method-form">
      <input type="hidden" name="sessionId" value={sessionId} />
      <fieldset className="stack" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="visually-hidden">Shipping method</legend>
        {options.map((option) => (
          <label key={option.id} className="row">
            <input
              type="radio"
              name="shippingMethod"
              value={option.id}
              defaultChecked={option.id === selected}
            />
            <span>
              {option.label} ({option.estimate}):{" "}
              {option.cost.amount === 0 ? "Free" : <Price value={option.cost} />}
            </span>
          </label>
        ))}
      </fieldset>
      <div>
        <button type="submit" className="button button--secondary button--small">
          Update shipping
        </button>
      </div>
    </form>
  );
}
