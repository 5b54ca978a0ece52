// One import per built-in plan; add a plan by adding its JSON file here (see README, "Thêm kế hoạch").
import haiPhong from "./hai-phong-232-2025.json";
import doSon from "./do-son-2025.json";
import dongHai from "./dong-hai-2025.json";
import kienAn from "./kien-an-2025.json";
import nguyenLuongBang from "./nguyen-luong-bang-2025.json";

export const PLAN_FILES: unknown[] = [haiPhong, doSon, dongHai, kienAn, nguyenLuongBang];
