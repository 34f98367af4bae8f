'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton } from '@/components/action-form';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { ItemFields, type KindOption } from './item-fields';
import { SourceFields } from './source-fields';
import { uploadAction } from './upload-action';

/** Add an item to the library (a link or a file), then go to its page to share it. Opened by `?new=1`. */
export function NewItemForm({ kinds }: { kinds: KindOption[] }) {
  const t = useTranslations('content');
  const router = useRouter();
  return (
    <div className="mb-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-zinc-200">
      <h2 className="mb-3 text-sm font-semibold text-zinc-900">{t('add')}</h2>
      <ActionForm<{ id: number }> action={uploadAction} successMessage={t('created')} onSuccess={(data) => router.push(`/content/${data.id}`)} className="space-y-3">
        <input type="hidden" name="intent" value="create" />
        <ItemFields kinds={kinds} />
        <SourceFields />
        <div className="flex justify-end gap-2">
          <Link href="/content" className={buttonClass('ghost')}>
            {t('close')}
          </Link>
          <SubmitButton pendingLabel={t('creating')}>{t('create')}</SubmitButton>
        </div>
      </ActionForm>
    </div>
  );
}
