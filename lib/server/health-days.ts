/** Days of score history kept and shown (the account page's trend). */
export const historyDays = 90;
