// The emulator's test buyers, their address books and the simulated payment instruments Amazon documents for its sandbox.
// Buyers belong to a region, as Amazon accounts do; a merchant's hosted pages offer its region's
// buyers (regional-buyers.ts holds the eu and jp ones). The na address books exercise delivery
// restrictions: US street addresses in two states, a US PO box, and addresses outside the US.
import type { Region } from "@storefront/amazon-pay/environment";
import { address, emulatorBuyerId, type TestBuyer } from "./buyer-records";
import { REGIONAL_TEST_BUYERS } from "./regional-buyers";

export type { AddressRecord, TestAddress, TestBuyer } from "./buyer-records";

export type InstrumentOutcome = "approve" | "decline" | "buyerCancel" | "pendingApprove" | "pendingDecline";

export interface TestInstrument {
  id: string;
  brand: string;
  last4: string;
  outcome: InstrumentOutcome;
  /** What the instrument simulates, as shown on the hosted page. */
  simulates: string;
}

const NA_TEST_BUYERS: readonly TestBuyer[] = [
  {
    region: "na",
    buyerId: emulatorBuyerId("AVAJOHNSON"),
    name: "Ava Johnson",
    email: "ava.johnson@sandbox.example",
    phoneNumber: "+1 206-555-0100",
    primeMembershipTypes: ["PRIME_GENERAL_US"],
    billingAddress: address({
      name: "Ava Johnson",
      addressLine1: "410 Terry Ave N",
      city: "Seattle",
      stateOrRegion: "WA",
      postalCode: "98109",
      countryCode: "US",
      phoneNumber: "+1 206-555-0100",
    }),
    addresses: [
      {
        id: "ava-home",
        label: "Home (Seattle, WA)",
        address: address({
          name: "Ava Johnson",
          addressLine1: "410 Terry Ave N",
          addressLine2: "Apt 5",
          city: "Seattle",
          stateOrRegion: "WA",
          postalCode: "98109",
          countryCode: "US",
          phoneNumber: "+1 206-555-0100",
        }),
      },
      {
        id: "ava-po-box",
        label: "PO box (Seattle, WA)",
        address: address({
          name: "Ava Johnson",
          addressLine1: "PO Box 81226",
          city: "Seattle",
          stateOrRegion: "WA",
          postalCode: "98108",
          countryCode: "US",
          phoneNumber: "+1 206-555-0100",
        }),
      },
      {
        id: "ava-work",
        label: "Work (Austin, TX)",
        address: address({
          name: "Ava Johnson",
          addressLine1: "11501 Alterra Pkwy",
          city: "Austin",
          stateOrRegion: "TX",
          postalCode: "78758",
          countryCode: "US",
          phoneNumber: "+1 512-555-0101",
        }),
      },
    ],
  },
  {
    region: "na",
    buyerId: emulatorBuyerId("BENCARTER"),
    name: "Ben Carter",
    email: "ben.carter@sandbox.example",
    phoneNumber: "+1 212-555-0102",
    primeMembershipTypes: null,
    billingAddress: address({
      name: "Ben Carter",
      addressLine1: "350 5th Ave",
      city: "New York",
      stateOrRegion: "NY",
      postalCode: "10118",
      countryCode: "US",
      phoneNumber: "+1 212-555-0102",
    }),
    addresses: [
      {
        id: "ben-home",
        label: "Home (New York, NY)",
        address: address({
          name: "Ben Carter",
          addressLine1: "350 5th Ave",
          addressLine2: "Floor 21",
          city: "New York",
          stateOrRegion: "NY",
          postalCode: "10118",
          countryCode: "US",
          phoneNumber: "+1 212-555-0102",
        }),
      },
      {
        id: "ben-london",
        label: "London (United Kingdom)",
        address: address({
          name: "Ben Carter",
          addressLine1: "1 Principal Place",
          addressLine2: "Worship Street",
          city: "London",
          postalCode: "EC2A 2FA",
          countryCode: "GB",
          phoneNumber: "+44 20 7946 0103",
        }),
      },
    ],
  },
  {
    region: "na",
    buyerId: emulatorBuyerId("CHLOEMARTIN"),
    name: "Chloé Martin",
    email: "chloe.martin@sandbox.example",
    phoneNumber: "+1 907-555-0104",
    primeMembershipTypes: ["PRIME_STUDENT"],
    billingAddress: address({
      name: "Chloé Martin",
      addressLine1: "3601 C St",
      city: "Anchorage",
      stateOrRegion: "AK",
      postalCode: "99503",
      countryCode: "US",
      phoneNumber: "+1 907-555-0104",
    }),
    addresses: [
      {
        id: "chloe-anchorage",
        label: "Home (Anchorage, AK)",
        address: address({
          name: "Chloé Martin",
          addressLine1: "3601 C St",
          city: "Anchorage",
          stateOrRegion: "AK",
          postalCode: "99503",
          countryCode: "US",
          phoneNumber: "+1 907-555-0104",
        }),
      },
      {
        id: "chloe-po-box",
        label: "P.O. box (Juneau, AK)",
        address: address({
          name: "Chloé Martin",
          addressLine1: "P.O. Box 21080",
          city: "Juneau",
          stateOrRegion: "AK",
          postalCode: "99802",
          countryCode: "US",
          phoneNumber: "+1 907-555-0104",
        }),
      },
      {
        id: "chloe-munich",
        label: "Munich (Germany)",
        address: address({
          name: "Chloé Martin",
          addressLine1: "Marcel-Breuer-Str. 12",
          city: "München",
          postalCode: "80807",
          countryCode: "DE",
          phoneNumber: "+49 89 35803 0105",
        }),
      },
      {
        id: "chloe-toronto",
        label: "Toronto (Canada)",
        address: address({
          name: "Chloé Martin",
          addressLine1: "120 Bremner Blvd",
          city: "Toronto",
          stateOrRegion: "ON",
          postalCode: "M5J 0A8",
          countryCode: "CA",
          phoneNumber: "+1 416-555-0106",
        }),
      },
    ],
  },
];

export const TEST_BUYERS: readonly TestBuyer[] = [...NA_TEST_BUYERS, ...REGIONAL_TEST_BUYERS];

/** The buyers who can sign in on a region's hosted pages (Amazon accounts are per region). */
export const buyersOf = (region: Region): readonly TestBuyer[] =>
  TEST_BUYERS.filter((b) => b.region === region);

export const TEST_INSTRUMENTS: readonly TestInstrument[] = [
  { id: "visa-1111", brand: "Visa", last4: "1111", outcome: "approve", simulates: "approves the payment" },
  {
    id: "amex-0005",
    brand: "American Express",
    last4: "0005",
    outcome: "approve",
    simulates: "approves the payment",
  },
  {
    id: "mastercard-4444",
    brand: "Mastercard",
    last4: "4444",
    outcome: "approve",
    simulates: "approves the payment",
  },
  {
    id: "discover-9424",
    brand: "Discover",
    last4: "9424",
    outcome: "approve",
    simulates: "approves the payment",
  },
  { id: "jcb-0000", brand: "JCB", last4: "0000", outcome: "approve", simulates: "approves the payment" },
  {
    id: "visa-3434",
    brand: "Visa",
    last4: "3434",
    outcome: "decline",
    simulates: "is declined (session Canceled, Declined)",
  },
  {
    id: "mastercard-3064",
    brand: "Mastercard",
    last4: "3064",
    outcome: "buyerCancel",
    simulates: "buyer cancels (session Canceled, BuyerCanceled)",
  },
  {
    id: "visa-0701",
    brand: "Visa",
    last4: "0701",
    outcome: "pendingApprove",
    simulates: "pending, then Authorized (needs Authorize and canHandlePendingAuthorization)",
  },
  {
    id: "discover-4354",
    brand: "Discover",
    last4: "4354",
    outcome: "pendingDecline",
    simulates: "pending, then Declined HardDeclined (needs Authorize and canHandlePendingAuthorization)",
  },
];

export const findBuyer = (buyerId: string): TestBuyer | undefined =>
  TEST_BUYERS.find((b) => b.buyerId === buyerId);
export const findInstrument = (id: string): TestInstrument | undefined =>
  TEST_INSTRUMENTS.find((i) => i.id === id);

/** The descriptor Amazon shows for the chosen instrument, e.g. "Visa ****1111". */
export const paymentDescriptor = (instrument: TestInstrument): string =>
  `${instrument.brand} ****${instrument.last4}`;
