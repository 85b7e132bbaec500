import { createPrismaClient } from "@/lib/prisma/create-client";
import { seedCatalog } from "./seed";

const prisma = createPrismaClient(process.env.DATABASE_URL ?? "file:./dev.db", { poolSize: 1 });
try {
  console.log(`[db] ${await seedCatalog(prisma)} products seeded`);
} finally {
  await prisma.$disconnect();
}
