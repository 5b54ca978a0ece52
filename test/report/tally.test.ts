// The headline tally: the forms it takes, the tallies that are not this year's, and counts to add.
import { readReport } from "../../shared/report";

function tally(text: string, year?: number) {
  return readReport(text, year ? { year } : {}).tally;
}

describe("headline tally", () => {
  test("'X/Y chỉ tiêu đạt và vượt, trong đó Z vượt' gives total, achieved-or-exceeded and exceeded", () => {
    const t = tally("Năm 2025, phường có 19/23 chỉ tiêu đạt và vượt kế hoạch, trong đó 8 chỉ tiêu vượt.");
    expect(t).toMatchObject({ total: 23, achievedOrExceeded: 19, exceeded: 8, notAchieved: 4, notAchievedDerived: true });
    expect(t?.span.text).toContain("19/23");
  });

  test("'hoàn thành và hoàn thành vượt X/Y chỉ tiêu' and 'hoàn thành đạt và vượt X/Y' are achieved-or-exceeded", () => {
    expect(tally("Xã hoàn thành và hoàn thành vượt 16/18 chỉ tiêu nghị quyết.")).toMatchObject({ total: 18, achievedOrExceeded: 16 });
    expect(tally("Tỉnh đã hoàn thành đạt và vượt 25/26 chỉ tiêu kinh tế - xã hội.")).toMatchObject({ total: 26, achievedOrExceeded: 25 });
    expect(tally("Huyện đã hoàn thành 14/15 chỉ tiêu đề ra.")).toMatchObject({ total: 15, achievedOrExceeded: 14 });
  });

  test("separate counts add up: '11 chỉ tiêu đạt, 05 chỉ tiêu vượt, 03 chỉ tiêu không đạt'", () => {
    expect(tally("Kết quả: 11 chỉ tiêu đạt, 05 chỉ tiêu vượt, 03 chỉ tiêu không đạt.")).toMatchObject({
      total: 19,
      achievedOrExceeded: 16,
      exceeded: 5,
      notAchieved: 3,
      notAchievedDerived: false,
    });
  });

  test("a count introduced by 'trong đó' is a part, not an addition", () => {
    expect(tally("Có 15 chỉ tiêu đạt, trong đó 4 chỉ tiêu vượt; 2 chỉ tiêu không đạt.")).toMatchObject({ total: 17, achievedOrExceeded: 15, exceeded: 4 });
  });

  test("near-miss counts are not achieved, and counted apart", () => {
    const t = tally("Năm 2025 có 17 chỉ tiêu đạt và vượt, 02 chỉ tiêu xấp xỉ đạt, 01 chỉ tiêu không đạt.");
    expect(t).toMatchObject({ total: 20, achievedOrExceeded: 17, notAchieved: 3, nearMiss: 2 });
  });

  test("the term's tally and next year's plan count are not this year's", () => {
    const text =
      "Cả nhiệm kỳ 2020-2025 có 21/24 chỉ tiêu đạt và vượt. Riêng năm 2025, xã có 20/22 chỉ tiêu đạt và vượt kế hoạch. Năm 2026, xã đề ra 23 chỉ tiêu.";
    expect(tally(text, 2025)).toMatchObject({ total: 22, achievedOrExceeded: 20 });
  });

  test("a title and a body giving the same tally are one tally, with the body's detail", () => {
    const text = "Phường X hoàn thành và vượt 18/20 chỉ tiêu năm 2025\nNăm 2025, phường hoàn thành và hoàn thành vượt 18/20 chỉ tiêu, trong đó 7 chỉ tiêu vượt.";
    expect(tally(text, 2025)).toMatchObject({ total: 20, achievedOrExceeded: 18, exceeded: 7 });
  });

  test("criteria of the new countryside are not a tally: '14/19 tiêu chí', 'số chỉ tiêu đạt 40/52'", () => {
    expect(tally("Xã tự đánh giá đạt 14/19 tiêu chí, số chỉ tiêu đạt 40/52.")).toBeNull();
    expect(readReport("Xã tự đánh giá đạt 14/19 tiêu chí, số chỉ tiêu đạt 40/52.").results).toEqual([]);
  });

  test("a general 'cơ bản đạt và vượt' is not a tally", () => {
    expect(tally("Các chỉ tiêu cơ bản đạt và vượt nghị quyết đề ra.")).toBeNull();
  });

  test("a table's own verdicts give the tally when the text writes none (numbered rows only)", () => {
    const rows = [
      "STT\tChỉ tiêu\tĐVT\tKế hoạch\tThực hiện\tĐánh giá",
      "1\tThu ngân sách\ttỷ đồng\t50\t55\tVượt",
      "1.1\tThu thuế\ttỷ đồng\t20\t19\tKhông đạt",
      "2\tTỷ lệ hộ nghèo\t%\t2\t1,8\tĐạt",
      "3\tSố lao động có việc làm mới\tngười\t300\t280\tKhông đạt",
      "4\tTỷ lệ tham gia bảo hiểm y tế\t%\t95\t95\tĐạt",
    ].join("\n");
    expect(tally(rows)).toMatchObject({ total: 4, achievedOrExceeded: 3, exceeded: 1, notAchieved: 1 });
  });
});
