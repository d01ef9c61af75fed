/**
 * The words of the standard appendices, in Vietnamese and English: headings, the usual ward units, and the
 * indicators that the real plans have in common, each with an example target taken from them.
 */
import type { Lang } from '../report/messages';

export interface UnitDef {
  /** "{cap}" stands for the ward's level: phường, xã or thị trấn. */
  vi: string;
  en: string;
  short: string;
}

export const WARD_UNITS: readonly UnitDef[] = [
  { vi: 'Công chức Văn phòng - Thống kê', en: 'Office and statistics officer', short: 'VP-TK' },
  { vi: 'Công chức Tư pháp - Hộ tịch', en: 'Justice and civil-status officer', short: 'TP-HT' },
  { vi: 'Công chức Tài chính - Kế toán', en: 'Finance and accounting officer', short: 'TC-KT' },
  { vi: 'Công chức Văn hóa - Xã hội', en: 'Culture and social affairs officer', short: 'VH-XH' },
  { vi: 'Công chức Địa chính - Xây dựng', en: 'Land and construction officer', short: 'ĐC-XD' },
  {
    vi: 'Văn phòng HĐND và UBND {cap}',
    en: 'Office of the People’s Council and Committee',
    short: 'VP HĐND&UBND',
  },
  { vi: 'Phòng Văn hóa - Xã hội', en: 'Culture and Social Affairs Division', short: 'P.VH-XH' },
  {
    vi: 'Phòng Kinh tế, Hạ tầng và Đô thị',
    en: 'Economy, Infrastructure and Urban Division',
    short: 'P.KT-HT-ĐT',
  },
  { vi: 'Trung tâm phục vụ hành chính công', en: 'Public Administration Service Centre', short: 'TTPVHCC' },
  { vi: 'Bộ phận Một cửa', en: 'One-stop desk', short: 'Một cửa' },
  { vi: 'Công an {cap}', en: 'Police', short: 'CA' },
  { vi: 'Các ngành có liên quan', en: 'Related sectors', short: 'Các ngành' },
  {
    vi: 'Các cơ quan, đơn vị chuyên môn thuộc UBND {cap}',
    en: 'Specialised units of the People’s Committee',
    short: 'Các đơn vị',
  },
];

export interface IndicatorDef {
  vi: string;
  en: string;
  /** An example target phrased as the seeds phrase it. */
  example: string;
  exampleEn: string;
}

/** Indicators grouped by area numeral, in the order of the areas. */
export const COMMON_INDICATORS: Record<string, IndicatorDef[]> = {
  I: [
    {
      vi: 'Tỷ lệ hoàn thành các nhiệm vụ trong kế hoạch cải cách hành chính năm',
      en: 'Share of the year’s reform-plan tasks completed',
      example: '100%',
      exampleEn: '100%',
    },
    {
      vi: 'Tỷ lệ cơ quan, đơn vị được kiểm tra công tác cải cách hành chính',
      en: 'Share of units inspected on administrative reform',
      example: 'Tối thiểu 60%',
      exampleEn: 'At least 60%',
    },
  ],
  II: [
    {
      vi: 'Tỷ lệ văn bản quy phạm pháp luật được ban hành đúng trình tự, thủ tục, thẩm quyền',
      en: 'Share of legal documents issued with due procedure and authority',
      example: '100%',
      exampleEn: '100%',
    },
    {
      vi: 'Tỷ lệ văn bản trái pháp luật, mâu thuẫn, chồng chéo phát hiện qua rà soát được xử lý',
      en: 'Share of unlawful or conflicting documents found on review that are handled',
      example: '100%',
      exampleEn: '100%',
    },
  ],
  III: [
    {
      vi: 'Tỷ lệ thủ tục hành chính được công bố, công khai đúng hạn',
      en: 'Share of administrative procedures published on time',
      example: '100%',
      exampleEn: '100%',
    },
    {
      vi: 'Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn',
      en: 'Share of procedure files handled on time',
      example: '100%',
      exampleEn: '100%',
    },
    {
      vi: 'Tỷ lệ xử lý phản ánh, kiến nghị đúng hạn',
      en: 'Share of complaints and petitions handled on time',
      example: '100%',
      exampleEn: '100%',
    },
    {
      vi: 'Mức độ hài lòng của người dân, doanh nghiệp trong giải quyết thủ tục hành chính',
      en: 'Satisfaction of citizens and businesses with procedure handling',
      example: 'Tối thiểu 90%',
      exampleEn: 'At least 90%',
    },
    {
      vi: 'Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
      en: 'Share of procedure files and results digitised',
      example: '100%',
      exampleEn: '100%',
    },
  ],
  IV: [
    {
      vi: 'Tỷ lệ cơ quan, đơn vị thực hiện đúng quy định về biên chế, số lượng người làm việc',
      en: 'Share of units complying with staffing quotas',
      example: '100%',
      exampleEn: '100%',
    },
  ],
  V: [
    {
      vi: 'Tỷ lệ cán bộ, công chức đạt chuẩn theo quy định',
      en: 'Share of officials meeting the required standards',
      example: 'Trên 90%',
      exampleEn: 'Above 90%',
    },
  ],
  VI: [
    {
      vi: 'Tỷ lệ giải ngân kế hoạch vốn đầu tư công',
      en: 'Public-investment disbursement rate',
      example: 'Tối thiểu 90%',
      exampleEn: 'At least 90%',
    },
    {
      vi: 'Tỷ lệ cơ quan thực hiện cơ chế tự chủ về kinh phí quản lý hành chính',
      en: 'Share of agencies applying financial autonomy',
      example: '100%',
      exampleEn: '100%',
    },
  ],
  VII: [
    {
      vi: 'Tỷ lệ dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính đủ điều kiện',
      en: 'Share of eligible procedures offered fully online (end to end)',
      example: 'Tối thiểu 80%',
      exampleEn: 'At least 80%',
    },
    {
      vi: 'Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết thủ tục hành chính',
      en: 'Share of procedure files submitted online',
      example: 'Tối thiểu 60%',
      exampleEn: 'At least 60%',
    },
    {
      vi: 'Tỷ lệ thanh toán trực tuyến trên tổng số giao dịch thanh toán của dịch vụ công',
      en: 'Share of public-service payments made online',
      example: 'Từ 60% trở lên',
      exampleEn: '60% or more',
    },
    {
      vi: 'Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng (trừ hồ sơ mật)',
      en: 'Share of work files handled electronically (except classified)',
      example: 'Tối thiểu 80%',
      exampleEn: 'At least 80%',
    },
    {
      vi: 'Tỷ lệ văn bản trao đổi giữa các cơ quan dưới dạng điện tử (trừ văn bản mật)',
      en: 'Share of documents exchanged electronically (except classified)',
      example: '100%',
      exampleEn: '100%',
    },
    {
      vi: 'Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa',
      en: 'Share of digitised data reused',
      example: 'Tối thiểu 50%',
      exampleEn: 'At least 50%',
    },
  ],
};

export const PROGRESS_CHOICES: Record<Lang, string[]> = {
  vi: ['Chưa thực hiện', 'Đang thực hiện', 'Đã hoàn thành'],
  en: ['Not started', 'In progress', 'Done'],
};

export const ASSESSMENT_CHOICES: Record<Lang, string[]> = {
  vi: ['Đạt', 'Không đạt', 'Chưa có số liệu'],
  en: ['Met', 'Missed', 'No data'],
};

/** The ward's level as written inside unit names: "Phường 5" → "phường", "Xã An Bình" → "xã". */
export function wardLevel(unit: string): string {
  const lower = unit.trim().toLowerCase();
  if (lower.startsWith('xã')) return 'xã';
  if (lower.startsWith('thị trấn')) return 'thị trấn';
  return 'phường';
}
