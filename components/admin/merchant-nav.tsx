const SECTIONS = [
  { href: "/admin/orders", label: "Orders" },
  { href: "/admin/disputes", label: "Disputes" },
  { href: "/admin/settlements", label: "Settlements" },
] as const;

/** The merchant area's sections; the current one is marked for assistive technology. */
export function MerchantNav({ current }: { current: (typeof SECTIONS)[number]["href"] }) {
  return (
    <nav aria-label="Merchant area" className="row" style={{ marginBottom: 12 }}>
      {SECTIONS.map((section) => (
        <a
          key={section.href}
          href={section.href}
          aria-current={section.href === current ? "page" : undefined}
          className={`badge ${section.href === current ? "badge--ok" : ""}`}
        >
          {section.label}
        </a>
      ))}
    </nav>
  );
}
