/**
 * readSheet and selectCell against office-addin-mock's OfficeMockObject, the mock the issue names: it checks that
 * every property read was loaded and synced first (a read too early gives its "not loaded" marker, not data).
 */
import { OfficeMockObject } from 'office-addin-mock';

// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose full import pulls in ES-module
// packages Jest cannot load untransformed: take the enum from its own dependency-free file.
jest.mock('office-addin-manifest', () => jest.requireActual('office-addin-manifest/lib/officeApp'));
import { readSheet, selectCell } from '../../src/host/excelHost';

/** The object tree: functions hand back nodes of the tree, so context.sync() reaches what they return. */
function workbookMock(options: { selection?: boolean } = {}) {
  const getRangeByIndexes = jest.fn(function (this: { block: unknown }) {
    return this.block;
  });
  const data = {
    workbook: {
      selected: { rowIndex: 4, columnIndex: 3, rowCount: 2, columnCount: 10 },
      getSelectedRange(this: { selected: unknown }) {
        return this.selected;
      },
      worksheets: {
        active: {
          name: 'Phụ lục 1',
          used: { rowIndex: 3, columnIndex: 2, rowCount: 3, columnCount: 2 },
          block: {
            values: options.selection
              ? [['Nhiệm vụ', 'Tiến độ']]
              : [
                  ['DANH MỤC NHIỆM VỤ', ''],
                  ['Nhiệm vụ', 'Tiến độ'],
                  ['Ban hành kế hoạch', 0.5],
                ],
            numberFormat: options.selection
              ? [['General', 'General']]
              : [
                  ['General', 'General'],
                  ['General', 'General'],
                  ['General', '0%'],
                ],
            merged: { address: "'Phụ lục 1'!C4:D4" },
            getMergedAreasOrNullObject(this: { merged: unknown }) {
              return this.merged;
            },
          },
          getUsedRangeOrNullObject(this: { used: unknown }) {
            return this.used;
          },
          getRangeByIndexes,
        },
        getActiveWorksheet(this: { active: unknown }) {
          return this.active;
        },
      },
    },
  };
  return { context: new OfficeMockObject(data), getRangeByIndexes };
}

function counted(context: OfficeMockObject): { readonly count: number } {
  const counter = { count: 0 };
  const sync = context.sync.bind(context);
  context.sync = async () => {
    counter.count++;
    await sync();
  };
  return counter;
}

describe('with office-addin-mock', () => {
  it('readSheet loads before reading and returns the used range as a grid, in two syncs', async () => {
    const { context, getRangeByIndexes } = workbookMock();
    const syncs = counted(context);
    const grid = await readSheet(context as unknown as Excel.RequestContext, 'sheet');
    expect(grid).toEqual({
      name: 'Phụ lục 1',
      values: [
        ['DANH MỤC NHIỆM VỤ', ''],
        ['Nhiệm vụ', 'Tiến độ'],
        ['Ban hành kế hoạch', 0.5],
      ],
      numberFormats: [
        ['General', 'General'],
        ['General', 'General'],
        ['General', '0%'],
      ],
      merges: ['C4:D4'],
      origin: { row: 4, column: 3 },
    });
    expect(getRangeByIndexes).toHaveBeenCalledWith(3, 2, 3, 2);
    expect(syncs.count).toBe(2);
  });

  it('readSheet with the selection reads where it meets the used range', async () => {
    const { context, getRangeByIndexes } = workbookMock({ selection: true });
    const grid = await readSheet(context as unknown as Excel.RequestContext, 'selection');
    // Selection row 5 (index 4), columns D… (index 3); used range rows 4–6, columns C–D.
    expect(getRangeByIndexes).toHaveBeenCalledWith(4, 3, 2, 1);
    expect(grid.origin).toEqual({ row: 5, column: 4 });
  });

  it('selectCell activates the sheet and selects the cell in one sync', async () => {
    const activate = jest.fn();
    const select = jest.fn();
    const getItem = jest.fn(function (this: { sheet: unknown }) {
      return this.sheet;
    });
    const getRange = jest.fn(function (this: { cell: unknown }) {
      return this.cell;
    });
    const context = new OfficeMockObject({
      workbook: { worksheets: { sheet: { activate, getRange, cell: { select } }, getItem } },
    });
    const syncs = counted(context);
    await selectCell(context as unknown as Excel.RequestContext, 'Phụ lục 2', 'E12');
    expect(getItem).toHaveBeenCalledWith('Phụ lục 2');
    expect(activate).toHaveBeenCalledTimes(1);
    expect(getRange).toHaveBeenCalledWith('E12');
    expect(select).toHaveBeenCalledTimes(1);
    expect(syncs.count).toBe(1);
  });

  it('selectCell with no cell (a finding about the whole table) only activates the sheet', async () => {
    const activate = jest.fn();
    const getRange = jest.fn();
    const context = new OfficeMockObject({
      workbook: {
        worksheets: {
          sheet: { activate, getRange },
          getItem(this: { sheet: unknown }) {
            return this.sheet;
          },
        },
      },
    });
    await selectCell(context as unknown as Excel.RequestContext, 'Phụ lục 2', '');
    expect(activate).toHaveBeenCalledTimes(1);
    expect(getRange).not.toHaveBeenCalled();
  });
});
