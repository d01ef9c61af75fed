import { indicatorKey } from '../../src/summary/indicatorKey';

describe('one indicator in its several spellings', () => {
  it('matches tỷ/tỉ, old and new tone placement, dashes, spaces and a trailing (%)', () => {
    const key = indicatorKey('Tỷ lệ hồ sơ trực tuyến toàn trình');
    expect(indicatorKey('Tỉ lệ hồ sơ trực tuyến  toàn trình (%)')).toBe(key);
    expect(indicatorKey('TỶ LỆ HỒ SƠ TRỰC TUYẾN TOÀN TRÌNH')).toBe(key);
    expect(indicatorKey('Mức độ hài lòng – hoà giải')).toBe(indicatorKey('Mức độ hài lòng - hòa giải'));
    expect(indicatorKey('Công chức có trình độ kỹ năng')).toBe(indicatorKey('Công chức có trình độ kĩ năng'));
  });

  it('keeps different indicators and the words whose y is not an i apart', () => {
    expect(indicatorKey('Tỷ lệ hồ sơ trực tuyến')).not.toBe(indicatorKey('Tỷ lệ hồ sơ đúng hạn'));
    expect(indicatorKey('Quy chế làm việc')).toContain('quy');
    expect(indicatorKey('Thủy lợi')).toContain('thuy');
  });
});
