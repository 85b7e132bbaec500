// The visible texts of the hosted pages in each checkout language. English keeps the exact texts
// tests and merchants' scripts look for; test ids and form names never change with the language.
import type { CheckoutLanguage } from "@storefront/amazon-pay/regions";

export interface PageText {
  htmlLang: string;
  banner: string;
  signInTitle: string;
  signInHeading: string;
  merchantAsksFor: string;
  testBuyer: string;
  continueButton: string;
  cancelLink: string;
  chooseHowToPay: string;
  changeAddress: string;
  changePayment: string;
  checkoutFor: string;
  amount: string;
  signedInAs: string;
  shippingAddress: string;
  providedByMerchant: string;
  shippingAddressFor: (name: string) => string;
  notAvailable: string;
  paymentMethod: string;
  endingIn: (brand: string, last4: string) => string;
  simulates: string;
}

const EN: PageText = {
  htmlLang: "en",
  banner: "Local emulator: no real payment is made.",
  signInTitle: "Sign in",
  signInHeading: "Sign in with Amazon",
  merchantAsksFor: "The merchant asks for:",
  testBuyer: "Test buyer",
  continueButton: "Continue",
  cancelLink: "Cancel and return to the merchant",
  chooseHowToPay: "Choose how to pay",
  changeAddress: "Change your shipping address",
  changePayment: "Change your payment method",
  checkoutFor: "Amazon Pay emulator checkout for store",
  amount: "Amount:",
  signedInAs: "Signed in as",
  shippingAddress: "Shipping address",
  providedByMerchant: "Provided by the merchant:",
  shippingAddressFor: (name) => `Shipping address for ${name}`,
  notAvailable: "Not available:",
  paymentMethod: "Payment method",
  endingIn: (brand, last4) => `${brand} ending in ${last4}`,
  simulates: "Simulates:",
};

const DE: PageText = {
  htmlLang: "de",
  banner: "Lokaler Emulator: Es wird keine echte Zahlung ausgeführt.",
  signInTitle: "Anmelden",
  signInHeading: "Mit Amazon anmelden",
  merchantAsksFor: "Der Händler fragt nach:",
  testBuyer: "Testkäufer",
  continueButton: "Weiter",
  cancelLink: "Abbrechen und zum Händler zurückkehren",
  chooseHowToPay: "Zahlungsart wählen",
  changeAddress: "Lieferadresse ändern",
  changePayment: "Zahlungsart ändern",
  checkoutFor: "Amazon Pay Emulator-Kasse für den Shop",
  amount: "Betrag:",
  signedInAs: "Angemeldet als",
  shippingAddress: "Lieferadresse",
  providedByMerchant: "Vom Händler angegeben:",
  shippingAddressFor: (name) => `Lieferadresse für ${name}`,
  notAvailable: "Nicht verfügbar:",
  paymentMethod: "Zahlungsart",
  endingIn: (brand, last4) => `${brand} mit Endziffern ${last4}`,
  simulates: "Simuliert:",
};

const JA: PageText = {
  htmlLang: "ja",
  banner: "ローカルエミュレーター：実際の支払いは行われません。",
  signInTitle: "ログイン",
  signInHeading: "Amazonアカウントでログイン",
  merchantAsksFor: "事業者が求める情報：",
  testBuyer: "テスト購入者",
  continueButton: "続行",
  cancelLink: "キャンセルして事業者のサイトに戻る",
  chooseHowToPay: "お支払い方法の選択",
  changeAddress: "お届け先住所の変更",
  changePayment: "お支払い方法の変更",
  checkoutFor: "Amazon Pay エミュレーターのチェックアウト、ストア",
  amount: "金額：",
  signedInAs: "ログイン中：",
  shippingAddress: "お届け先住所",
  providedByMerchant: "事業者が指定：",
  shippingAddressFor: (name) => `${name} 様のお届け先住所`,
  notAvailable: "ご利用いただけません：",
  paymentMethod: "お支払い方法",
  endingIn: (brand, last4) => `${brand}（末尾 ${last4}）`,
  simulates: "シミュレーション：",
};

const FR: PageText = {
  ...EN,
  htmlLang: "fr",
  signInHeading: "Se connecter avec Amazon",
  continueButton: "Continuer",
  cancelLink: "Annuler et revenir chez le marchand",
  chooseHowToPay: "Choisissez votre mode de paiement",
  changeAddress: "Modifier votre adresse de livraison",
  changePayment: "Modifier votre mode de paiement",
};

const IT: PageText = {
  ...EN,
  htmlLang: "it",
  signInHeading: "Accedi con Amazon",
  continueButton: "Continua",
  cancelLink: "Annulla e torna al venditore",
  chooseHowToPay: "Scegli come pagare",
  changeAddress: "Modifica l'indirizzo di spedizione",
  changePayment: "Modifica il metodo di pagamento",
};

const ES: PageText = {
  ...EN,
  htmlLang: "es",
  signInHeading: "Iniciar sesión con Amazon",
  continueButton: "Continuar",
  cancelLink: "Cancelar y volver al comercio",
  chooseHowToPay: "Elige cómo pagar",
  changeAddress: "Cambiar la dirección de envío",
  changePayment: "Cambiar el método de pago",
};

const TEXTS: Record<CheckoutLanguage, PageText> = {
  en_US: EN,
  en_GB: { ...EN, htmlLang: "en-GB" },
  de_DE: DE,
  fr_FR: FR,
  it_IT: IT,
  es_ES: ES,
  ja_JP: JA,
};

export const pageText = (language: CheckoutLanguage): PageText => TEXTS[language];
export const ENGLISH = EN;
