// The words plans use around a target, folded (no diacritics, lower case) because OCR'd and NFD
// texts only agree with the rest once folded. Each list is data: add a word here, not a branch.
import type { Comparator } from "../model";
import { foldString } from "./mapped";

/** Units as plans write them; matched word by word on folded text, longest first. */
const UNIT_WORDS = [
  "đồng", "USD", "tấn", "lượt", "lượt người", "lượt hộ", "lượt khách", "khách", "người", "lao động", "hộ", "hộ gia đình", "doanh nghiệp",
  "hợp tác xã", "căn", "căn hộ", "nhà", "trường", "học sinh", "cháu", "trẻ", "lớp", "phòng học", "thôn", "xã",
  "phường", "huyện", "tổ dân phố", "khu dân cư", "khu", "khu công nghiệp", "cụm công nghiệp", "dự án", "giường bệnh", "giường",
  "ha", "héc-ta", "km", "m2", "m²", "m3", "công trình", "nhà đa năng", "nhà văn hóa", "nhà văn hoá", "điểm", "điểm phần trăm",
  "bác sĩ", "tuyến", "tuyến đường", "ngày", "tháng", "vụ", "sản phẩm", "sáng kiến", "mô hình", "cái", "chiếc", "con", "kW", "MW",
  "kWh", "tàu", "cơ sở", "hội viên", "đoàn viên", "đảng viên", "gia đình", "làng", "tổ chức", "đơn vị", "cơ quan", "chợ",
  "km đường", "nhà ở", "ô tô", "tiêu chí", "trạm", "trạm y tế", "giờ", "buổi", "lần", "cuộc", "chương trình", "sự kiện",
  "tỷ lệ", "bé trai", "tuổi", "điểm%", "giường", "con", "triệu lượt", "lượt khách", "thẻ", "hồ sơ", "thủ tục", "bản", "hạt", "cây", "con giống", "lít", "kg",
];
const UNIT_MULTIPLIERS: { words: string; factor: number; keep: string | null }[] = [
  // "triệu tỷ" and "nghìn tỷ" are read into tỷ; "vạn" (ten thousand) into the plain count.
  { words: "trieu ty", factor: 1e6, keep: "tỷ" },
  { words: "nghin ty", factor: 1e3, keep: "tỷ" },
  { words: "ngan ty", factor: 1e3, keep: "tỷ" },
  { words: "van", factor: 1e4, keep: null },
  { words: "nghin", factor: 1, keep: "nghìn" },
  { words: "ngan", factor: 1, keep: "ngàn" },
  { words: "trieu", factor: 1, keep: "triệu" },
  { words: "ty", factor: 1, keep: "tỷ" },
];
/** Denominators after a "/" in a unit: USD/người, triệu đồng/năm, doanh nghiệp/1.000 dân. */
const DENOMINATORS = ["phụ nữ", "người", "năm", "người/năm", "tháng", "ngày", "1.000 dân", "1000 dân", "vạn dân", "10.000 dân", "ha", "hộ", "km2", "km²", "xã", "lao động"];

export interface LexiconUnit {
  folded: string;
  canonical: string;
}
export const UNITS: LexiconUnit[] = UNIT_WORDS.map((u) => ({ folded: foldString(u), canonical: u })).sort((a, b) => b.folded.length - a.folded.length);
export const MULTIPLIERS = UNIT_MULTIPLIERS;
export const DENOMINATOR_UNITS: LexiconUnit[] = DENOMINATORS.map((u) => ({ folded: foldString(u), canonical: u })).sort((a, b) => b.folded.length - a.folded.length);

/**
 * Phrases just before a number, nearest first when peeled from the end. `introducer` phrases only say
 * "a target follows" (đạt, là, :); the others also fix the comparator.
 */
export interface LeadPhrase {
  folded: string;
  comparator: Comparator | "from" | "increase" | "decrease" | null;
  introducer: boolean;
}
const LEAD: [string, LeadPhrase["comparator"], boolean][] = [
  ["giam xuong con", "<=", true], ["giam con", "<=", true], ["xuong con", "<=", true], ["con duoi", "<", true],
  ["giam xuong duoi", "<", true], ["xuong duoi", "<", true], ["xuong muc", "<=", true],
  ["khong vuot qua", "<=", true], ["khong qua", "<=", true], ["toi da", "<=", true], ["duoi muc", "<", true], ["o muc duoi", "<", true],
  ["thap hon", "<", true], ["nho hon", "<", true], ["duoi", "<", false], ["<=", "<=", true], ["≤", "<=", true], ["=<", "<=", true], ["<", "<", true],
  ["khong duoi", ">=", true], ["khong thap hon", ">=", true], ["khong it hon", ">=", true], ["it nhat", ">=", true], ["toi thieu", ">=", true],
  [">=", ">=", true], ["≥", ">=", true], ["=>", ">=", true], [">", ">", true],
  ["tren", ">", false], ["cao hon", ">", true], ["lon hon", ">", true], ["hon", ">", false], ["vuot", ">", false],
  ["xap xi", "approx", true], ["khoang", "approx", true], ["gan", "approx", true], ["tren duoi", "approx", true], ["uoc", "approx", true],
  ["giam", "decrease", true], ["tang", "increase", true], ["tang them", "increase", true], ["tang binh quan", "increase", true], ["binh quan", null, true],
  ["tu", "from", false], ["dat tu", "from", true], ["dat", null, true], ["deu dat", null, true], ["la", null, true], ["o muc", null, true], ["bang", null, true],
  [":", null, true], ["phan dau", null, true], ["phan dau dat", null, true], ["muc", null, false], ["=", "=", true], ["con", "<=", false],
  ["khong con", "=", true], ["chiem", "=", true], ["len", null, true], ["chiem ty trong", "=", true],
];
export const LEAD_PHRASES: LeadPhrase[] = LEAD.map(([folded, comparator, introducer]) => ({ folded, comparator, introducer })).sort(
  (a, b) => b.folded.length - a.folded.length,
);

/** Vietnamese number words, when they count something ("hai huyện"). */
export const NUMBER_WORDS: Record<string, number> = {
  mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10, "muoi mot": 11, "muoi hai": 12, "muoi lam": 15, "hai muoi": 20,
};

/** Words before a number that make it a reference, not a quantity ("lần thứ 3", "khóa XXV", "Điều 5"). */
export const REFERENCE_WORDS = /(?:^|[\s(])(?:(?<!co )so|lan thu|thu|khoa|dieu|khoan|chuong|thang|ngay|quy|muc do|phu luc|ky|nhiem ky|giai doan|(?<!(?:hang|moi|cac|nhung|hàng)\s)nam|dot|tuyen so|tieu chi so|quyet dinh|nghi dinh|nghi quyet|chi thi|ke hoach|thong tu|cap do|lop)\s*$/;
/** Words that follow a number that is an age, a schedule or a grade, not a target. */
export const NOT_A_QUANTITY_AFTER =
  /^\s*(?:tuoi\b(?!\s+tro len)|buoi\s*\/\s*ngay|buoi\/|gio\s*\/|h\s*\/|sao\b|cap\b(?!\s+(?:hoc|xa|huyen))|lan\s*\/\s*(?:nam|thang)|thang\s+(?:dau|cuoi|qua|toi)\b|nam\b(?!\s*tro len))/;
/** Counts that announce or describe a list, never a target ("đề ra 18 chỉ tiêu", "6 nhóm giải pháp", "212 đại biểu"). */
export const COUNT_WORDS_AFTER =
  /^\s*(?:(?:nhom|linh vuc|giai phap|nhiem vu|dai bieu|dot|noi dung|dong chi|ky hop|dia phuong|so nganh|bo chi tieu|van de|khau dot pha|dot pha|chuong trinh)\b|chi tieu\b(?!\s*(?:giao|duoc giao|tren giao)))/;
/** Qualifiers inside a name: "có quy mô tối thiểu 30 giường". */
export const QUALIFIER_BEFORE = /(?:quy mo|cong suat|cho moi|tren moi|(?:^|\s)voi)\s*(?:toi thieu|toi da|it nhat|khoang|tren|duoi)?\s*$/;

/** Verbs that govern a target and are not part of its name (corpus README: name). */
export const GOVERNING_VERBS = /^(?:tiep tuc duy tri|duy tri|giu vung|phan dau|dam bao|tiep tuc)\s+/;

/** Words that open a clause without being its name. */
export const LEADING_CONNECTORS = /^(?:(?:hang nam|hang nam,|moi nam|trong do|trong nam|phan dau|va|dong thoi|nam \d{4}|den nam \d{4}|den het nam \d{4}|den cuoi nam \d{4}|giai doan \d{4}\s*-\s*\d{4}|,|:|-|\+)\s*,?\s*)+/;

/** Growth-rate names: "tăng X%" after them is the rate itself (>=), not an increase-by. */
export const GROWTH_NAME = /toc do (?:tang|phat trien)|tang truong|ty le tang|chi so|tang binh quan|binh quan (?:hang nam|moi nam)/;

/** Names of indicators where lower is better, when the text gives a bare number. */
export const LOWER_IS_BETTER_NAME = /chi so gia tieu dung|\bcpi\b|lam phat|lao dong nong nghiep|tang dan s\S* tu nhien|ty suat sinh|ty so gioi tinh khi sinh|suy dinh duong|that nghiep|ho ngheo|ty le ngheo|tai nan|toi pham|o nhiem|ty le sinh con thu 3|sinh con thu ba|tu vong|nhiem hiv|ma tuy|chay no/;

/** Headings of sections that hold tasks, organisation and signatures, never targets. */
export const MISSION_HEADING = /^(?:[ivxl\d]+[.,)]?\s*)?(?:cac\s+)?(?:nhiem vu|giai phap|to chuc thuc hien|khen thuong|thoi gian|noi nhan|tren day|muc dich|yeu cau|kinh phi|che do bao cao|phan cong|trach nhiem|hinh thuc|doi tuong|pham vi|tieu chuan)/;
/** A heading or an opening sentence that introduces the list of targets. */
export const INDICATOR_HEADING = /\bchi tieu\b|\bmuc tieu cu the\b|\bchi so chu yeu\b/;
export const INDICATOR_INTRO_TAIL = /(?:chi tieu|muc tieu)[^.]{0,80}(?:sau|cu the|nhu sau|gom|bao gom|chu yeu)\s*:?\s*$|(?:chi tieu|muc tieu)[^.:]{0,60}:\s*$/;

/** Phrases that make a clause a qualitative (Đạt / Không đạt) target when it has no number. */
export const QUALITATIVE_START = /^(?:giu vung|hoan thanh|dam bao|duy tri|xay dung|thuc hien|khong de xay ra|khong de|kiem che|co\b(?!\s+cau\b)|dat chuan|phan dau|tiep tuc|nang cao|to chuc|trien khai|100%)/;
