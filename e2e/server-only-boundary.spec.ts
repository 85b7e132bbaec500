import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "./support/test";

const run = promisify(execFile);

// The private key never reaches the browser: packages/amazon-pay/src/client.ts (and config.ts) import
// "server-only", so a client component that imports the client must fail `next build`. This
// builds a one-page probe app that does exactly that.
test("importing the Amazon Pay client from a client component fails the build", async () => {
  test.slow();
  const dir = path.resolve(".data", `build-probe-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "app"), { recursive: true });
  writeFileSync(
    path.join(dir, "app/layout.tsx"),
    'export default function Layout({ children }: { children: React.ReactNode }) {\n  return (<html lang="en"><body>{children}</body></html>);\n}\n',
  );
  writeFileSync(
    path.join(dir, "app/page.tsx"),
    '"use client";\nimport { createAmazonPayClient } from "../../../packages/amazon-pay/src/client";\nexport default function Page() {\n  return <p>{typeof createAmazonPayClient}</p>;\n}\n',
  );
  writeFileSync(
    path.join(dir, "next.config.mjs"),
    'import path from "node:path";\nexport default { turbopack: { root: path.resolve(import.meta.dirname, "../..") } };\n',
  );
  writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        lib: ["dom", "ES2023"],
        noEmit: true,
        module: "esnext",
        moduleResolution: "bundler",
        jsx: "react-jsx",
        skipLibCheck: true,
        allowImportingTsExtensions: true,
      },
      include: ["app/**/*.tsx"],
    }),
  );
  try {
    const outcome = await run(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], {
      cwd: dir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    }).then(
      () => ({ failed: false, output: "" }),
      (error: { stdout?: string; stderr?: string }) => ({
        failed: true,
        output: `${error.stdout ?? ""}${error.stderr ?? ""}`,
      }),
    );
    expect(outcome.failed, "the probe build should fail").toBe(true);
    expect(outcome.output).toContain("It should only be used from a Server Component");
    expect(outcome.output).toMatch(/packages\/amazon-pay\/src\/client\.ts \[Client Component Browser\]/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
