// A separate process writing to a SQLite test database, for the multi-process tests.
//   hold <url> <ms>                       keep a write transaction open for <ms>
//   increment <url> <cartLineId> <times>  read-modify-write a cart line <times> times
import { createPrismaClient } from "@/lib/prisma/create-client";

const [mode, url, a, b] = process.argv.slice(2);
const prisma = createPrismaClient(url!);
try {
  if (mode === "hold") {
    await prisma.$transaction(async (tx) => {
      await tx.lease.create({
        data: { name: `hold-${process.pid}`, holder: "child", expiresAt: new Date() },
      });
      process.stdout.write("holding\n");
      await new Promise((resolve) => setTimeout(resolve, Number(a)));
    });
  } else if (mode === "increment") {
    for (let i = 0; i < Number(b); i++) {
      await prisma.$transaction(async (tx) => {
        const line = await tx.cartLine.findUniqueOrThrow({ where: { id: a! } });
        await tx.cartLine.update({ where: { id: a! }, data: { quantity: line.quantity + 1 } });
      });
    }
  }
} finally {
  await prisma.$disconnect();
}
