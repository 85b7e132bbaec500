"use client";

import { useEffect } from "react";

interface ErrorPageProps {
  error: Error & { digest?: string };
  reset: () => void;
}

export default function ErrorPage({ error, reset }: ErrorPageProps) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="empty-state" role="alert">
      <h1>Something went wrong</h1>
      {/* Not "nothing was charged": the error may have come after Amazon Pay took the payment. */}
      <p>
        This page could not be shown. If you were placing an order, it may have gone through: look for an
        order confirmation before you pay again.{error.digest ? ` (Reference ${error.digest})` : ""}
      </p>
      <div className="row">
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>
        <a href="/" className="button button--secondary">
          Go home
        </a>
      </div>
    </div>
  );
}
