import { describe, expect, it } from 'vitest';
import type { Organization } from '../../api/organizations.ts';
import { funderOptions } from './funders.ts';

function donor(slug: string, name_en: string, name_ar: string, funded_projects = 3): Organization {
  return { slug, kind: 'donor', name_en, name_ar, country: null, funded_projects };
}

const donors = [
  donor('world-bank', 'World Bank', 'البنك الدولي'),
  donor('eu', 'European Union', 'الاتحاد الأوروبي'),
  donor('undp', 'UNDP', 'برنامج الأمم المتحدة الإنمائي'),
  donor('idle', 'Idle Fund', 'صندوق بلا مشاريع', 0),
];

describe('funderOptions', () => {
  it('names the donors in the language and sorts them by that name', () => {
    expect(funderOptions(donors, 'en', []).map((o) => o.name)).toEqual(['European Union', 'UNDP', 'World Bank']);
    expect(funderOptions(donors, 'ar', []).map((o) => o.slug)).toEqual(['eu', 'world-bank', 'undp']);
  });

  it('leaves out donors without projects unless chosen, and other kinds of organization', () => {
    expect(funderOptions(donors, 'en', []).map((o) => o.slug)).not.toContain('idle');
    expect(funderOptions(donors, 'en', ['idle']).map((o) => o.slug)).toContain('idle');
    expect(funderOptions([{ ...donor('moe', 'Ministry', 'وزارة'), kind: 'ministry' }], 'en', [])).toEqual([]);
  });
});
