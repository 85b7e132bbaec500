export default function NotFound() {
  return (
    <div className="empty-state">
      <h1>We could not find that page</h1>
      <p>The product may have sold out or the link may be mistyped.</p>
      <a href="/" className="button">
        Back to the shop
      </a>
    </div>
  );
}
