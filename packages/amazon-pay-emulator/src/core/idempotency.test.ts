import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error";
import { canonicalJson, IdempotencyStore, type SavedResponse } from "./idempotency";

const saveUnder500 = (r: SavedResponse) => r.status < 500;

describe("idempotency store", () => {
  it("replays the saved response for the same key and request", async () => {
    const store = new IdempotencyStore();
    let runs = 0;
    const process = () => Promise.resolve({ status: 201, body: `{"n":${++runs}}` });
    const first = await store.run("m|k", "POST a {}", process, saveUnder500);
    const second = await store.run("m|k", "POST a {}", process, saveUnder500);
    expect(first).toEqual({ response: { status: 201, body: '{"n":1}' }, replayed: false });
    expect(second).toEqual({ response: { status: 201, body: '{"n":1}' }, replayed: true });
    expect(runs).toBe(1);
  });

  it("refuses the same key with a different request: 400 DuplicateIdempotencyKey", async () => {
    const store = new IdempotencyStore();
    await store.run(
      "m|k",
      'POST a {"x":1}',
      () => Promise.resolve({ status: 201, body: "{}" }),
      saveUnder500,
    );
    await expect(
      store.run("m|k", 'POST a {"x":2}', () => Promise.resolve({ status: 201, body: "{}" }), saveUnder500),
    ).rejects.toMatchObject({ status: 400, reasonCode: "DuplicateIdempotencyKey" });
  });

  it("processes concurrent requests with the same key once; the second waits for the first's response", async () => {
    const store = new IdempotencyStore();
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = async () => {
      runs++;
      await gate;
      return { status: 201, body: '{"id":"one"}' };
    };
    const a = store.run("m|k", "same", slow, saveUnder500);
    const b = store.run("m|k", "same", slow, saveUnder500);
    const c = store.run("m|k", "different", slow, saveUnder500);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(runs).toBe(1);
    release();
    expect((await a).replayed).toBe(false);
    expect(await b).toEqual({ response: { status: 201, body: '{"id":"one"}' }, replayed: true });
    await expect(c).rejects.toBeInstanceOf(ApiError);
    expect(runs).toBe(1);
  });

  it("never saves what shouldSave refuses (5xx), so a retry is processed again", async () => {
    const store = new IdempotencyStore();
    const statuses = [500, 201];
    const process = () => Promise.resolve({ status: statuses.shift() ?? 0, body: "{}" });
    expect((await store.run("m|k", "f", process, saveUnder500)).response.status).toBe(500);
    expect((await store.run("m|k", "f", process, saveUnder500)).response.status).toBe(201);
    expect((await store.run("m|k", "f", process, saveUnder500)).replayed).toBe(true);
  });

  it("compares JSON bodies regardless of key order and spacing", () => {
    expect(canonicalJson(JSON.parse('{"b":1,"a":{"d":[1,2],"c":null}}'))).toBe(
      canonicalJson({ a: { c: null, d: [1, 2] }, b: 1 }),
    );
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });
});
