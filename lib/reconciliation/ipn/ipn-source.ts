import "server-only";
// Where an IPN must come from to be acted on: this shop's SNS topic and this shop's merchant id.
// Any AWS account can create an SNS topic, sign with AWS's own certificate and subscribe this
// endpoint to it, so a valid signature alone proves nothing about the sender; the TopicArn and the
// MerchantID do. The topic is AMAZON_PAY_IPN_TOPIC_ARN; in emulator mode it defaults to the
// emulator's topic for the shop's local merchant.
import { env } from "@/lib/env";
import { amazonPay } from "@/lib/amazon-pay/connection";

export interface IpnSource {
  /** Accepted TopicArns; empty when none is configured (then every IPN is refused). */
  topicArns: readonly string[];
  merchantId: string;
  /** True when the topics come from AMAZON_PAY_IPN_TOPIC_ARN. */
  configured: boolean;
}

/** The topic the emulator publishes a merchant's IPNs on. */
export const emulatorTopicArn = (merchantId: string) =>
  `arn:aws:sns:us-east-1:000000000000:AmazonPayEmulator-${merchantId}`;

export function expectedIpnSource(): IpnSource {
  const e = env();
  const { settings } = amazonPay();
  if (e.AMAZON_PAY_IPN_TOPIC_ARN?.length)
    return { topicArns: e.AMAZON_PAY_IPN_TOPIC_ARN, merchantId: settings.merchantId, configured: true };
  return {
    topicArns: settings.mode === "emulator" ? [emulatorTopicArn(settings.merchantId)] : [],
    merchantId: settings.merchantId,
    configured: false,
  };
}

/** Why a topic is refused, or null when it is this shop's. */
export function foreignTopicReason(topicArn: string, source: IpnSource): string | null {
  if (source.topicArns.includes(topicArn)) return null;
  return source.topicArns.length === 0
    ? `TopicArn ${topicArn} refused: AMAZON_PAY_IPN_TOPIC_ARN is not set`
    : `TopicArn ${topicArn} is not this shop's topic`;
}
