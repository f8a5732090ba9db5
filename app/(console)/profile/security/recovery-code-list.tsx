export function RecoveryCodeList({ codes }: { codes: string[] }) {
  return (
    <div className="space-y-2">
      <p className="text-sm">
        Save these recovery codes somewhere safe. Each works once, when you cannot use your authenticator app. They are
        shown only now.
      </p>
      <ul
        aria-label="Recovery codes"
        className="grid grid-cols-2 gap-2 rounded-md bg-slate-100 p-3 font-mono text-sm dark:bg-slate-800"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
    </div>
  );
}
