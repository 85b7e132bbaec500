"use client";

import Link from "next/link";
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
      <p>
        Nothing was charged. Please try again in a moment.{error.digest ? ` (Reference ${error.digest})` : ""}
      </p>
      <div className="row">
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>
        <Link href="/" className="button button--secondary">
          Go home
        </Link>
      </div>
    </div>
  );
}
