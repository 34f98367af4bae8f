// next/cache for a benchmark outside a Next server: there is no page cache to revalidate.

export const revalidatePath = (): void => {};
export const revalidateTag = (): void => {};
