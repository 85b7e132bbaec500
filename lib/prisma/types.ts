// The Prisma types the shop codes against, on either database. Both providers' clients are
// generated from the same models (prisma/models.prisma), so the SQLite client's types describe
// the PostgreSQL client's as well. Only lib/prisma imports a generated client.
export type {
  Cart,
  CartLine,
  Charge,
  CheckoutSessionBinding,
  Dispute,
  Lease,
  MerchantAction,
  Order,
  OrderLine,
  PaymentEvent,
  Prisma,
  PrismaClient,
  ProcessedNotification,
  Product,
  Refund,
  SettlementReport,
} from "@/lib/generated/sqlite/client";
