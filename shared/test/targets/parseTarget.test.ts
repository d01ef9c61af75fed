import { parseTargets } from '../../src/targets/parseTarget';
import type { Op } from '../../src/report/schema';

type Expected = [Op, number, string][];

/** Only op, value and unit: the text is checked separately. */
function read(raw: string): Expected {
  return parseTargets(raw).targets.map((t) => [t.op, t.value, t.unit]);
}

describe('parseTargets: phrases of the plans', () => {
  const cases: [string, Expected][] = [
    ['Tối thiểu 80%', [['>=', 80, '%']]],
    ['tối thiểu từ 60%', [['>=', 60, '%']]],
    ['Tối thiểu 60% số cơ quan chuyên môn thuộc UBND phường', [['>=', 60, '%']]],
    ['Tối thiểu 60% số cơ \nquan chuyên môn \nthuộc UBND phường', [['>=', 60, '%']]],
    ['từ 80% trở lên', [['>=', 80, '%']]],
    ['đạt từ 60% trở lên', [['>=', 60, '%']]],
    ['99,9% trở lên', [['>=', 99.9, '%']]],
    ['Phấn đấu từ 95% trở lên người dân, doanh nghiệp đánh giá hài lòng', [['>=', 95, '%']]],
    ['Trên 90%', [['>', 90, '%']]],
    ['Trên 90% cán bộ, công \nchức đạt chuẩn theo \nquy định.', [['>', 90, '%']]],
    ['đạt trên 95%', [['>', 95, '%']]],
    ['Đạt trên 95% hồ sơ được đồng bộ', [['>', 95, '%']]],
    ['100%', [['>=', 100, '%']]],
    ['đạt 100%', [['>=', 100, '%']]],
    ['Phấn đấu 100%', [['>=', 100, '%']]],
    ['Phấn đấu từ 100% số hồ sơ TTHC được trả kết quả đúng hạn', [['>=', 100, '%']]],
    ['hết 100% kế hoạch vốn giao của các cấp ngân sách', [['>=', 100, '%']]],
    ['Hoàn thành 100%', [['>=', 100, '%']]],
    ['Hoàn thành số hóa 100% kết quả giải quyết thủ tục hành chính', [['>=', 100, '%']]],
    ['80%', [['>=', 80, '%']]],
    ['80% ', [['>=', 80, '%']]],
    ['85% cán bộ, công chức được bồi dưỡng', [['>=', 85, '%']]],
    ['100% các cơ quan, \nđơn vị', [['>=', 100, '%']]],
    ['Duy trì tỷ lệ 100% dịch vụ công', [['>=', 100, '%']]],
    ['tối đa 15 phút/01 lượt giao dịch', [['<=', 15, 'phút']]],
    [
      'Giảm thời gian chờ đợi của người dân xuống trung bình còn tối đa 15 phút/01 lượt giao dịch.',
      [['<=', 15, 'phút']],
    ],
    [
      'Giảm tối thiểu bình quân 1% biên chế công chức huyện và 1,5% số lượng người làm việc của đơn vị sự nghiệp công lập hưởng lương từ ngân sách nhà nước so với năm 2024.',
      [
        ['>=', 1, '%'],
        ['>=', 1.5, '%'],
      ],
    ],
    ['rút ngắn thời gian giải quyết 20% thủ tục hành chính nội bộ', [['>=', 20, '%']]],
    ['Thực hiện đầy đủ 02 hoạt động theo dõi thi hành pháp luật', [['>=', 2, 'hoạt động']]],
    ['Không có sai phạm', [['=', 0, 'sai phạm']]],
    ['Không để xảy ra sai sót', [['=', 0, 'sai sót']]],
    [
      'Tối thiểu 85% thủ tục hành chính có yêu cầu nghĩa vụ tài chính, được triển khai thanh toán trực tuyến, trong số đó, tỷ lệ giao dịch thanh toán trực tuyến đạt từ 60% trở lên.',
      [
        ['>=', 85, '%'],
        ['>=', 60, '%'],
      ],
    ],
    [
      '- 100% thủ tục hành \nchính nội bộ giữa các \ncơ quan hành chính \nnhà nước được công \nbố, công khai kịp thời;  \n- Thực hiện rút ngắn \nthời gian giải quyết \n20% thủ tục hành \nchính nội bộ. ',
      [
        ['>=', 100, '%'],
        ['>=', 20, '%'],
      ],
    ],
    [
      'hồ sơ trên môi trường điện tử tối thiểu đạt 80% so với tổng hồ sơ tiếp nhận; tối thiểu từ 80% trở lên hồ sơ được luân chuyển',
      [
        ['>=', 80, '%'],
        ['>=', 80, '%'],
      ],
    ],
    ['Tỷ lệ hồ sơ trực tuyến toàn trình đối với xã, thị trấn: đạt tối thiểu 60%.', [['>=', 60, '%']]],
    ['Ít nhất 90%', [['>=', 90, '%']]],
    ['Không dưới 90%', [['>=', 90, '%']]],
    ['Không thấp hơn 90%', [['>=', 90, '%']]],
    ['Không quá 5%', [['<=', 5, '%']]],
    ['Tối đa 5%', [['<=', 5, '%']]],
    ['Dưới 5%', [['<', 5, '%']]],
    ['≥ 90%', [['>=', 90, '%']]],
    ['≥90%', [['>=', 90, '%']]],
    ['≤ 5%', [['<=', 5, '%']]],
    ['>= 90%', [['>=', 90, '%']]],
    ['> 90%', [['>', 90, '%']]],
    ['< 5%', [['<', 5, '%']]],
    ['90 %', [['>=', 90, '%']]],
    ['90 phần trăm', [['>=', 90, '%']]],
    ['Không quá 5 ngày', [['<=', 5, 'ngày']]],
    ['Dưới 3 lần', [['<', 3, 'lần']]],
    ['Ít nhất 1 lần/năm', [['>=', 1, 'lần']]],
    ['tối thiểu 2 văn bản', [['>=', 2, 'văn bản']]],
    ['Tối thiểu 3 đợn vị', [['>=', 3, 'đơn vị']]],
    ['Tối thiểu 5 xã', [['>=', 5, 'xã']]],
    ['Tối thiểu 5 trở lên', [['>=', 5, '']]],
    ['Chỉ số CCHC đạt 85 điểm trở lên', [['>=', 85, 'điểm']]],
    ['từ 02 văn bản trở lên', [['>=', 2, 'văn bản']]],
    ['Tối đa 10 phút trở xuống', [['<=', 10, 'phút']]],
    ['5', [['>=', 5, '']]],
    ['02', [['>=', 2, '']]],
    ['1.000', [['>=', 1000, '']]],
    ['02 hoạt động', [['>=', 2, 'hoạt động']]],
    ['1. Tối thiểu 80%', [['>=', 80, '%']]],
    [
      '2. Tối thiểu 85% thủ tục; 3. 60% hồ sơ công việc',
      [
        ['>=', 85, '%'],
        ['>=', 60, '%'],
      ],
    ],
    // Without diacritics, decomposed (NFD) or with old tone marks, the same phrases.
    ['Toi thieu 80%', [['>=', 80, '%']]],
    ['Tối thiểu 80%'.normalize('NFD'), [['>=', 80, '%']]],
    ['Tren 90%', [['>', 90, '%']]],
  ];
  it.each(cases)('%j', (raw, expected) => {
    expect(read(raw)).toEqual(expected);
    expect(parseTargets(raw).qualitative).toBe(false);
  });
});

describe('parseTargets: numbers that are not targets', () => {
  const cases: [string, Expected][] = [
    ['năm 2024', []],
    ['giai đoạn 2021-2025', []],
    ['2021 - 2025', []],
    ['Nghị định 33', []],
    ['Nghị định số 33/2023/NĐ-CP', []],
    ['ISO 9001:2015', []],
    ['Áp dụng ISO 9001', []],
    ['Tháng 6', []],
    ['30/6/2025', []],
    ['Thực hiện 6 tháng đầu năm', []],
    ['từ 6 tháng đầu năm', []],
    ['Triển khai 3 nội dung', []],
    ['80-90%', []],
    ['Trên 90% cán bộ đạt chuẩn theo Nghị định 33/2023/NĐ-CP năm 2024', [['>', 90, '%']]],
    ['Tối thiểu 80% so với năm 2024', [['>=', 80, '%']]],
    ['tối đa 15 phút/01 lượt giao dịch theo Kế hoạch số 12/KH-UBND ngày 15/01/2025', [['<=', 15, 'phút']]],
    ['3.1 Tối thiểu 80%', [['>=', 80, '%']]],
  ];
  it.each(cases)('%j', (raw, expected) => {
    expect(read(raw)).toEqual(expected);
  });
});

describe('parseTargets: text fragments', () => {
  it('keeps the normalized fragment of each target', () => {
    const r = parseTargets(
      '- 100% thủ tục hành \nchính nội bộ được công \nbố, công khai kịp thời;  \n- Thực hiện rút ngắn \nthời gian giải quyết \n20% thủ tục hành \nchính nội bộ.',
    );
    expect(r.targets.map((t) => t.text)).toEqual([
      '100% thủ tục hành chính nội bộ được công bố, công khai kịp thời',
      'Thực hiện rút ngắn thời gian giải quyết 20% thủ tục hành chính nội bộ',
    ]);
  });

  it('cuts two targets of one sentence at the joint', () => {
    const r = parseTargets(
      'Giảm tối thiểu bình quân 1% biên chế công chức và 1,5% số người làm việc so với năm 2024.',
    );
    expect(r.targets.map((t) => t.text)).toEqual([
      'Giảm tối thiểu bình quân 1% biên chế công chức',
      '1,5% số người làm việc so với năm 2024',
    ]);
    const s = parseTargets('Tối thiểu 85% thủ tục, trong số đó, tỷ lệ giao dịch đạt từ 60% trở lên.');
    expect(s.targets.map((t) => t.text)).toEqual([
      'Tối thiểu 85% thủ tục',
      'tỷ lệ giao dịch đạt từ 60% trở lên',
    ]);
  });

  it('normalizes the text it returns', () => {
    const r = parseTargets('  Tối   thiểu\n80%  '.normalize('NFD'));
    expect(r.targets[0].text).toBe('Tối thiểu 80%');
  });
});

describe('parseTargets: cells without a target', () => {
  it.each([
    'cao hơn năm 2024',
    'Cao hơn năm 2024',
    'Theo các văn bản quy định của Nhà nước',
    'Theo các văn bản quy \nđịnh của Nhà nước \n',
    'Theo quy định',
    'Duy trì',
    'Nâng cao chất lượng phục vụ',
    'Kịp thời',
    'Đảm bảo đúng quy định',
  ])('%j is qualitative', (raw) => {
    expect(parseTargets(raw)).toEqual({ targets: [], qualitative: true });
  });

  it.each(['xyz', 'Đạt', 'Tối thiểu', 'năm 2024', 'ISO 9001:2015', '80-90%', '???', 'Chưa xác định'])(
    '%j is unparseable',
    (raw) => {
      expect(parseTargets(raw)).toEqual({ targets: [], qualitative: false });
    },
  );

  it.each(['', '   ', '\n', '-'])('%j is empty', (raw) => {
    expect(parseTargets(raw)).toEqual({ targets: [], qualitative: false });
  });
});

describe('parseTargets: memo', () => {
  it('shares frozen results, so no caller can change the memo', () => {
    const a = parseTargets('Tối thiểu 80%');
    expect(() => ((a.targets[0] as { value: number }).value = 1)).toThrow(TypeError);
    expect(() => (a.targets as unknown[]).push({})).toThrow(TypeError);
    expect(read('Tối thiểu 80%')).toEqual([['>=', 80, '%']]);
  });

  it('keeps answering right past its cap', () => {
    for (let i = 0; i < 10000; i++) expect(parseTargets(`Tối thiểu ${i}%`).targets[0].value).toBe(i);
    expect(read('Trên 90%')).toEqual([['>', 90, '%']]);
  });
});
