// Test buyers of the eu and jp regions, with addresses as Amazon returns them there: Germany
// (one with an empty addressLine1 and the street in addressLine2, as Amazon.de sends a company
// or c/o line), the UK (postcodes, an optional county, one address without a phone number) and
// Japan (postal code, prefecture in stateOrRegion, no city, the lines in addressLine1..3).
import { address, emulatorBuyerId, type TestBuyer } from "./buyer-records";

export const REGIONAL_TEST_BUYERS: readonly TestBuyer[] = [
  {
    region: "eu",
    buyerId: emulatorBuyerId("BUYERDE"),
    name: "Lena Schmidt",
    email: "buyer-de@sandbox.example",
    phoneNumber: "+49 30 5555 0110",
    primeMembershipTypes: ["PRIME_GENERAL_DE"],
    billingAddress: address({
      name: "Lena Schmidt",
      addressLine1: "Friedrichstraße 68",
      city: "Berlin",
      postalCode: "10117",
      countryCode: "DE",
      phoneNumber: "+49 30 5555 0110",
    }),
    addresses: [
      {
        id: "de-berlin",
        label: "Zuhause (Berlin)",
        address: address({
          name: "Lena Schmidt",
          addressLine1: "Friedrichstraße 68",
          city: "Berlin",
          postalCode: "10117",
          countryCode: "DE",
          phoneNumber: "+49 30 5555 0110",
        }),
      },
      {
        id: "de-hamburg-line2",
        label: "Büro (Hamburg, Straße in Zeile 2)",
        address: address({
          name: "Lena Schmidt",
          addressLine1: "",
          addressLine2: "Große Elbstraße 145",
          city: "Hamburg",
          postalCode: "22767",
          countryCode: "DE",
          phoneNumber: "+49 40 5555 0111",
        }),
      },
      {
        id: "de-vienna",
        label: "Wien (Österreich)",
        address: address({
          name: "Lena Schmidt",
          addressLine1: "Mariahilfer Straße 77",
          city: "Wien",
          postalCode: "1060",
          countryCode: "AT",
          phoneNumber: "+43 1 5555 0112",
        }),
      },
    ],
  },
  {
    region: "eu",
    buyerId: emulatorBuyerId("BUYERUK"),
    name: "Oliver Hughes",
    email: "buyer-uk@sandbox.example",
    phoneNumber: "+44 20 7946 0120",
    primeMembershipTypes: null,
    billingAddress: address({
      name: "Oliver Hughes",
      addressLine1: "20 Deans Yard",
      city: "London",
      postalCode: "SW1P 3PA",
      countryCode: "GB",
      phoneNumber: "+44 20 7946 0120",
    }),
    addresses: [
      {
        id: "uk-london",
        label: "Home (London)",
        address: address({
          name: "Oliver Hughes",
          addressLine1: "Flat 3",
          addressLine2: "20 Deans Yard",
          city: "London",
          postalCode: "SW1A 1AA",
          countryCode: "GB",
          phoneNumber: "+44 20 7946 0120",
        }),
      },
      {
        id: "uk-manchester-no-phone",
        label: "Work (Manchester, no phone number)",
        address: address({
          name: "Oliver Hughes",
          addressLine1: "1 Piccadilly Gardens",
          city: "Manchester",
          county: "Greater Manchester",
          postalCode: "M1 1RG",
          countryCode: "GB",
        }),
      },
    ],
  },
  {
    region: "jp",
    buyerId: emulatorBuyerId("BUYERJP"),
    name: "山田 花子",
    email: "buyer-jp@sandbox.example",
    phoneNumber: "03-5555-0130",
    primeMembershipTypes: ["PRIME_GENERAL_JP"],
    billingAddress: address({
      name: "山田 花子",
      addressLine1: "渋谷区渋谷2-21-1",
      addressLine2: "渋谷ヒカリエ 11階",
      city: null,
      stateOrRegion: "東京都",
      postalCode: "150-0002",
      countryCode: "JP",
      phoneNumber: "03-5555-0130",
    }),
    addresses: [
      {
        id: "jp-tokyo",
        label: "自宅 (東京都)",
        address: address({
          name: "山田 花子",
          addressLine1: "渋谷区渋谷2-21-1",
          addressLine2: "渋谷ヒカリエ 11階",
          city: null,
          stateOrRegion: "東京都",
          postalCode: "150-0002",
          countryCode: "JP",
          phoneNumber: "03-5555-0130",
        }),
      },
      {
        id: "jp-osaka-romaji",
        label: "Office (Osaka, romanized)",
        address: address({
          name: "Hanako Yamada",
          addressLine1: "Kita-ku Umeda 3-1-3",
          addressLine2: "Grand Front Osaka",
          addressLine3: "Tower B 15F",
          city: null,
          stateOrRegion: "Osaka",
          postalCode: "530-0001",
          countryCode: "JP",
          phoneNumber: "06-5555-0131",
        }),
      },
      {
        id: "jp-sapporo-no-phone",
        label: "実家 (北海道, 電話番号なし)",
        address: address({
          name: "山田 花子",
          addressLine1: "札幌市中央区北1条西2丁目",
          city: null,
          stateOrRegion: "北海道",
          postalCode: "060-0001",
          countryCode: "JP",
        }),
      },
    ],
  },
];
