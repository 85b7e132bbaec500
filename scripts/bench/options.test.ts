import { describe, expect, it } from "vitest";
import { parseBenchOptions } from "./options";

describe("the benchmark's command line", () => {
  it("runs both databases, both latencies and three buyer counts by default", () => {
    const options = parseBenchOptions([]);
    expect(options.databases).toEqual(["sqlite", "postgresql"]);
    expect(options.latencies).toEqual([0, 100]);
    expect(options.concurrencies).toEqual([1, 8, 32]);
    expect(options.fixedCheckouts).toBeUndefined();
    expect(options.catalogOnly).toBe(false);
    expect(options.instances).toBe(1);
  });

  it("runs several shop processes with --instances, and refuses a count that is not 1 to 16", () => {
    expect(parseBenchOptions(["--instances", "2"]).instances).toBe(2);
    for (const bad of ["0", "1.5", "17", "two"])
      expect(() => parseBenchOptions(["--instances", bad])).toThrow(`--instances: "${bad}"`);
    // Two shops on 4308 and 4309 and their IPN balancer on 4310: not the emulator's port too.
    expect(() => parseBenchOptions(["--instances", "2", "--shop-port", "4308"])).toThrow(
      "--emulator-port 4310 is among the shop's ports 4308 to 4310",
    );
    expect(parseBenchOptions(["--shop-port", "4309"]).emulatorPort).toBe(4310);
  });

  it("measures only the floor and the catalog with --catalog-only", () => {
    expect(parseBenchOptions(["--catalog-only", "--catalog-seconds", "10"])).toMatchObject({
      catalogOnly: true,
      catalogSeconds: 10,
    });
  });

  it("starts from an empty order history unless --past-orders says otherwise", () => {
    expect(parseBenchOptions([]).pastOrders).toBe(0);
    expect(parseBenchOptions(["--past-orders", "20000"]).pastOrders).toBe(20_000);
    expect(() => parseBenchOptions(["--past-orders", "many"])).toThrow(/--past-orders: "many"/);
  });

  it("reads comma lists, skips empty entries and zero buyers", () => {
    const options = parseBenchOptions([
      "--database",
      " sqlite ,",
      "--latency",
      "25",
      "--concurrency",
      "0,4,,16",
      "--checkouts",
      "10",
      "--shop-port",
      "3301",
    ]);
    expect(options).toMatchObject({
      databases: ["sqlite"],
      latencies: [25],
      concurrencies: [4, 16],
      fixedCheckouts: 10,
      shopPort: 3301,
    });
  });

  it("refuses an unknown database and numbers that are not whole", () => {
    expect(() => parseBenchOptions(["--database", "mysql"])).toThrow(/mysql.*neither sqlite nor postgresql/);
    expect(() => parseBenchOptions(["--latency", "1.5"])).toThrow(/--latency: "1.5"/);
    expect(() => parseBenchOptions(["--concurrency=8,-2"])).toThrow(/--concurrency: "-2"/);
  });
});
