"use client";

interface GlobalErrorProps {
  error: Error & { digest?: string };
  reset: () => void;
}

export default function GlobalError({ error, reset }: GlobalErrorProps) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: 32 }}>
        <h1>Something went wrong</h1>
        {/* Not "nothing was charged": the error may have come after Amazon Pay took the payment. */}
        <p>
          This page could not be shown. If you were placing an order, it may have gone through: look for an
          order confirmation before you pay again.
          {error.digest ? ` (Reference ${error.digest})` : ""}
        </p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </body>
    </html>
  );
}
