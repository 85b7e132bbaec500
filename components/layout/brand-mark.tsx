export function BrandMark() {
  return (
    <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="#1f4d4a" />
      <path d="M16 5 L24 19 H19 L23 26 H9 L13 19 H8 Z" fill="#f4efe6" />
      <rect x="15" y="24" width="2" height="4" fill="#c2703d" />
    </svg>
  );
}
