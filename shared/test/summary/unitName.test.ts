import type { SheetGrid } from '../../src/index';
import { unitFromGrids, unitFromPath, unitKey } from '../../src/summary/unitName';
import { coverSheet, pastedTaskList } from '../fixtures/pastedLayouts';

const sheet = (values: (string | number)[][]): SheetGrid => ({ name: 'S', values });

describe('the unit a ward file reports for', () => {
  it('reads the national heading over two rows, as the seeds write it', () => {
    expect(unitFromGrids([pastedTaskList()])).toEqual({ unit: 'Phường An Nhơn Đông', source: 'heading' });
    expect(unitFromGrids([sheet([['ỦY BAN NHÂN DÂN', '', 'CỘNG HÒA …'], ['PHƯỜNG 5']])])).toEqual({
      unit: 'Phường 5',
      source: 'heading',
    });
  });

  it('reads a heading held in one cell over two lines, and "UBND XÃ …" on one line', () => {
    expect(unitFromGrids([sheet([['ỦY BAN NHÂN DÂN\nTHỊ TRẤN PHÚ MỸ']])])?.unit).toBe('Thị trấn Phú Mỹ');
    expect(unitFromGrids([sheet([['UBND XÃ TÂN PHÚ TRUNG']])])?.unit).toBe('Xã Tân Phú Trung');
    expect(unitFromGrids([sheet([['Ủy ban nhân dân'], ['Phường 05']])])?.unit).toBe('Phường 5');
    expect(unitFromGrids([sheet([['UBND ĐẶC KHU PHÚ QUỐC']])])?.unit).toBe('Đặc khu Phú Quốc');
  });

  it('falls back on the title: "trên địa bàn …", "cải cách hành chính phường … năm", "của UBND …"', () => {
    const title = (t: string) => unitFromGrids([sheet([['PHỤ LỤC'], [t], ['STT', 'Nhiệm vụ']])]);
    expect(title('KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025 TRÊN ĐỊA BÀN PHƯỜNG 1')).toEqual({
      unit: 'Phường 1',
      source: 'title',
    });
    expect(title('Cải cách hành chính nhà nước phường Long Xuyên năm 2025')?.unit).toBe('Phường Long Xuyên');
    expect(title('(Kèm theo Kế hoạch số 12/KH-UBND ngày 10/01/2025 của UBND xã An Phú)')?.unit).toBe(
      'Xã An Phú',
    );
    expect(title('KẾT QUẢ CẢI CÁCH HÀNH CHÍNH PHƯỜNG AN NHƠN ĐÔNG NĂM 2025')?.unit).toBe(
      'Phường An Nhơn Đông',
    );
  });

  it('prefers a heading on any sheet to a title, and ignores phrases with no name', () => {
    const cover = coverSheet();
    expect(unitFromGrids([cover, pastedTaskList()])?.source).toBe('heading');
    expect(unitFromGrids([sheet([['Các nhiệm vụ trên địa bàn phường bằng nhiều hình thức']])])).toBeNull();
    expect(unitFromGrids([sheet([['DANH MỤC NHIỆM VỤ CCHC NĂM 2025'], ['STT', 'Nhiệm vụ']])])).toBeNull();
  });

  it('otherwise takes the unit from the file name or its folder, else the file name itself', () => {
    expect(unitFromPath('phuong-5/phu-luc-2025.xlsx')).toEqual({ unit: 'Phường 5', source: 'file' });
    expect(unitFromPath('xa_an_phu_phu_luc.xlsx').unit).toBe('Xã an phu');
    expect(unitFromPath('Thi tran Phu My - KH CCHC.xlsx').unit).toBe('Thị trấn Phu My');
    expect(unitFromPath('nop/bao-cao.xlsx')).toEqual({ unit: 'bao-cao', source: 'file' });
  });

  it('gives two spellings of one unit one key', () => {
    expect(unitKey('PHƯỜNG 05')).toBe(unitKey('Phường 5'));
    expect(unitKey('Xã An Phú')).toBe(unitKey('xã an phú'));
    expect(unitKey('Phường 5')).not.toBe(unitKey('Phường 15'));
  });
});
