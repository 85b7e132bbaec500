// Response bodies shaped like Amazon documents them: a Checkout Session (every Checkout Session key, in the order the
// Node SDK asserts), the .NET SDK's Charge Permission fixture, the documented Charge example.
// Functions, so that every test gets its own copy to mutate.

export const CHECKOUT_SESSION_ID = "bd504926-f659-4ad7-a1a9-9a747aaf5275";
export const CHARGE_PERMISSION_ID = "S01-5105180-3221187";
export const CHARGE_ID = "S01-5105180-3221187-C056351";
export const REFUND_ID = "S01-5105180-3221187-R022311";

const address = () => ({
  name: "Christopher C. Conn",
  addressLine1: "4996 Rockford Mountain Lane",
  addressLine2: null,
  addressLine3: null,
  city: "Appleton",
  county: null,
  district: null,
  stateOrRegion: "WI",
  postalCode: "54911",
  countryCode: "US",
  phoneNumber: "1234567890",
});

export const checkoutSessionResponse = () => ({
  checkoutSessionId: CHECKOUT_SESSION_ID,
  webCheckoutDetails: {
    checkoutReviewReturnUrl: "https://shop.example/checkout/review",
    checkoutResultReturnUrl: "https://shop.example/checkout/result",
    checkoutCancelUrl: null,
    amazonPayRedirectUrl: `https://apay-us.amazon.com/checkout/processing?amazonCheckoutSessionId=${CHECKOUT_SESSION_ID}`,
    checkoutMode: null,
  },
  productType: "PayAndShip",
  paymentDetails: {
    paymentIntent: "Authorize",
    canHandlePendingAuthorization: false,
    chargeAmount: { amount: "14.00", currencyCode: "USD" },
    totalOrderAmount: null,
    softDescriptor: null,
    presentmentCurrency: "USD",
    allowOvercharge: null,
    extendExpiration: null,
  },
  chargePermissionType: "OneTime",
  orderType: null,
  recurringMetadata: null,
  paymentMethodOnFileMetadata: null,
  merchantDetails: null,
  merchantMetadata: {
    merchantReferenceId: "HP-1001",
    merchantStoreName: "Harbor & Pine",
    noteToBuyer: null,
    customInformation: null,
  },
  supplementaryData: null,
  buyer: {
    buyerId: "amzn1.account.AAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    name: "Test Buyer SBX",
    email: "testemail@email.com",
    phoneNumber: "1234567890",
    primeMembershipTypes: null,
  },
  billingAddress: null,
  paymentPreferences: [{ paymentDescriptor: "Visa ****1111" }],
  statusDetails: {
    state: "Open",
    reasonCode: null,
    reasonDescription: null,
    lastUpdatedTimestamp: "20200412T101414Z",
  },
  shippingAddress: address(),
  platformId: null,
  chargePermissionId: null,
  chargeId: null,
  constraints: [],
  creationTimestamp: "20200412T101414Z",
  expirationTimestamp: "20200413T101414Z",
  storeId: "amzn1.application-oa2-client.8b5e45312b5248b69eea0f1ca4aa1a21",
  providerMetadata: { providerReferenceId: null },
  releaseEnvironment: "Sandbox",
  checkoutButtonText: null,
  deliverySpecifications: null,
  tokens: null,
});

/** A session right after server-side Create: no buyer, four constraints. */
export const newCheckoutSessionResponse = () => ({
  ...checkoutSessionResponse(),
  webCheckoutDetails: {
    checkoutReviewReturnUrl: "https://shop.example/checkout/review",
    checkoutResultReturnUrl: null,
    checkoutCancelUrl: null,
    amazonPayRedirectUrl: null,
    checkoutMode: null,
  },
  paymentDetails: {
    paymentIntent: null,
    canHandlePendingAuthorization: false,
    chargeAmount: null,
    totalOrderAmount: null,
    softDescriptor: null,
    presentmentCurrency: null,
    allowOvercharge: null,
    extendExpiration: null,
  },
  buyer: null,
  shippingAddress: null,
  paymentPreferences: [null],
  constraints: [
    {
      constraintId: "BuyerNotAssociated",
      description:
        "There is no buyer associated with the Checkout Session. Return the checkout session id to the Amazon Pay Button to allow buyer to login.",
    },
    { constraintId: "ChargeAmountNotSet", description: "chargeAmount is not set." },
    { constraintId: "CheckoutResultReturnUrlNotSet", description: "checkoutResultReturnUrl is not set." },
    { constraintId: "PaymentIntentNotSet", description: "paymentIntent is not set." },
  ],
});

export const completedCheckoutSessionResponse = () => ({
  ...checkoutSessionResponse(),
  statusDetails: {
    state: "Completed",
    reasonCode: null,
    reasonDescription: null,
    lastUpdatedTimestamp: "20200412T102000Z",
  },
  chargePermissionId: CHARGE_PERMISSION_ID,
  chargeId: CHARGE_ID,
});

/** From the .NET SDK test suite. */
export const chargePermissionResponse = () => ({
  chargePermissionId: "S00-0000000-0000000",
  amazonPayToken: "000000000000AMZN",
  chargePermissionReferenceId: null,
  platformId: null,
  buyer: {
    name: "Test Buyer SBX",
    email: "testemail@email.com",
    buyerId: "amzn1.account.AAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    primeMembershipTypes: null,
    phoneNumber: "1234567890",
  },
  shippingAddress: null,
  billingAddress: address(),
  paymentPreferences: [{ paymentDescriptor: null }],
  statusDetails: { state: "Chargeable", reasons: null, lastUpdatedTimestamp: "20211215T152829Z" },
  creationTimestamp: "20211215T152829Z",
  expirationTimestamp: null,
  merchantMetadata: {
    merchantReferenceId: "REPLACEMENT-TOKEN-350-3",
    merchantStoreName: "SYF",
    noteToBuyer: null,
    customInformation: null,
  },
  releaseEnvironment: "Sandbox",
  limits: { amountLimit: null, amountBalance: null },
  chargePermissionType: "OneTime",
  recurringMetadata: { frequency: null, amount: null },
  presentmentCurrency: "USD",
});

/** The documented illustrative Charge. */
export const chargeResponse = () => ({
  chargeId: CHARGE_ID,
  chargePermissionId: CHARGE_PERMISSION_ID,
  chargeAmount: { amount: "14.00", currencyCode: "USD" },
  captureAmount: { amount: "14.00", currencyCode: "USD" },
  refundedAmount: { amount: "0.00", currencyCode: "USD" },
  convertedAmount: "14.00",
  conversionRate: "1.00",
  softDescriptor: "Descriptor",
  merchantMetadata: {
    merchantReferenceId: "123",
    merchantStoreName: null,
    noteToBuyer: null,
    customInformation: null,
  },
  providerMetadata: { providerReferenceId: null },
  platformId: null,
  channel: null,
  chargeInitiator: null,
  statusDetails: {
    state: "Captured",
    reasonCode: null,
    reasonDescription: null,
    lastUpdatedTimestamp: "20190714T155300Z",
  },
  creationTimestamp: "20190714T155300Z",
  expirationTimestamp: "20190813T155300Z",
  releaseEnvironment: "Sandbox",
});

export const refundResponse = () => ({
  refundId: REFUND_ID,
  chargeId: CHARGE_ID,
  creationTimestamp: "20190714T160000Z",
  refundAmount: { amount: "14.00", currencyCode: "USD" },
  statusDetails: {
    state: "RefundInitiated",
    reasonCode: null,
    reasonDescription: null,
    lastUpdatedTimestamp: "20190714T160000Z",
  },
  softDescriptor: "Descriptor",
  releaseEnvironment: "Sandbox",
});

export const buyerResponse = () => ({
  buyerId: "amzn1.account.AAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  name: "Test Buyer SBX",
  email: "testemail@email.com",
  postalCode: "54911",
  countryCode: "US",
  shippingAddress: address(),
  billingAddress: null,
  phoneNumber: "1234567890",
  primeMembershipTypes: ["PRIME_GENERAL"],
});

export const deliveryTrackerResponse = () => ({
  chargePermissionId: "P21-1111111-1111111",
  deliveryDetails: [{ trackingNumber: "1Z999AA10123456784", carrierCode: "UPS" }],
});
