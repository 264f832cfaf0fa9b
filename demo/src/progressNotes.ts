import type { ProjectStatus } from './progressPlan.ts';
import type { Random } from './random.ts';

/** Short Arabic notes an engineer would write with each kind of report. */
const NOTES: Readonly<Record<ProjectStatus, readonly string[]>> = {
  planned: ['إدراج المشروع في الخطة الاستثمارية', 'تمت الموافقة على الدراسة الفنية', 'تخصيص الاعتمادات اللازمة للمشروع'],
  tendering: ['الإعلان عن المناقصة', 'فض العروض الفنية والمالية', 'التعاقد مع المتعهد', 'إعادة الإعلان عن المناقصة لعدم كفاية العروض'],
  in_progress: [
    'استمرار الأعمال وفق البرنامج الزمني',
    'إنجاز أعمال الحفريات',
    'بدء أعمال التمديدات',
    'زيارة ميدانية من المهندس المشرف',
    'تم صرف دفعة للمتعهد',
    'تأخر في توريد المواد',
    'تأخر الأعمال بسبب الظروف الجوية',
    'نقص المحروقات أثّر على سير العمل',
    'إنجاز الأعمال الإنشائية والبدء بالإكساء',
    'معالجة ملاحظات لجنة الاستلام',
  ],
  suspended: ['توقف العمل بسبب نقص التمويل', 'توقف المتعهد عن العمل', 'إيقاف مؤقت لحين حل مشكلة الاستملاك', 'توقف الأعمال بانتظار موافقة الجهات المعنية'],
  completed: ['تم الاستلام الأولي للمشروع', 'تم إنجاز المشروع وتسليمه للجهة المستفيدة', 'انتهاء الأعمال والاستلام النهائي'],
  cancelled: ['إلغاء المشروع لعدم توفر الاعتمادات', 'فسخ العقد مع المتعهد', 'إلغاء المشروع بقرار من الوزارة'],
};

/** The first in_progress report marks the start of works. */
const START_NOTES = ['تسليم موقع العمل للمتعهد', 'المباشرة بالأعمال', 'توقيع محضر المباشرة'];

/** About a third of regular reports carry no note at all. */
export function pickNote(random: Random, status: ProjectStatus, isStart = false): string | null {
  if (isStart) return random.pick(START_NOTES);
  if (status === 'in_progress' && random.chance(0.35)) return null;
  return random.pick(NOTES[status]);
}
