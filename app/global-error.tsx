"use client";

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "3rem", textAlign: "center" }}>
        <h1>Something went wrong</h1>
        <p>Reload the page; if it keeps failing, quote reference {error.digest ?? "unknown"} when you report it.</p>
      </body>
    </html>
  );
}
