export const currencies = ['JPY', 'USD', 'EUR', 'GBP', 'AUD', 'CAD', 'SGD', 'KRW', 'CNY', 'INR'] as const;
export type Currency = (typeof currencies)[number];
