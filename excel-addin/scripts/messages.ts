// Texts of `npm start` / `npm stop` (the developer server), Vietnamese first: read from this table
// explicitly (no registration; the parity test finds it by its `satisfies`).
import { fill, type MessageParams } from "../../shared/i18n";
import type { Lang } from "../../shared/model";

export const messages = {
  vi: {
    "xl.dev.building": "Đang dựng ngăn tác vụ…",
    "xl.dev.serving": "Ngăn tác vụ đang chạy tại {url} (dừng: npm stop hoặc Ctrl+C).",
    "xl.dev.manifest": "Manifest cho máy này: {path}",
    "xl.dev.certs-installed": "Dùng chứng chỉ phát triển của office-addin-dev-certs (đã tin cậy trên máy này).",
    "xl.dev.certs-untrusted": "Không cài được chứng chỉ gốc vào máy ({detail}); dùng chứng chỉ tự ký trong {dir}. Trình duyệt và Excel sẽ cảnh báo cho tới khi bạn tin cậy {ca}.",
    "xl.dev.certs-none": "Không tạo được chứng chỉ ({detail}); chạy http thường tại {url}. Excel chỉ nạp phần bổ trợ qua https: dùng cách này để xem giao diện trong trình duyệt thôi.",
    "xl.dev.port-busy": "Cổng {port} đang bận (npm start đang chạy rồi?). Dừng bằng npm stop hoặc đặt PORT=…",
    "xl.dev.sideloading": "Đang nạp phần bổ trợ vào Excel trên máy tính (office-addin-debugging)…",
    "xl.dev.no-debugging": "Không có office-addin-debugging (không cài được từ kho npm), nên không tự nạp vào Excel. Nạp thủ công theo excel-addin/README.md, mục \"Nạp thử\":",
    "xl.dev.no-excel": "Máy này không có Excel cho máy tính. Máy chủ vẫn chạy: mở Excel trên web (office.com), Trang đầu › Phần bổ trợ › Tải lên phần bổ trợ của tôi, chọn {path}.",
    "xl.dev.excel-found": "Có Excel tại {excel}: mở Excel, Chèn › Phần bổ trợ của tôi › Tải lên phần bổ trợ của tôi (Windows: thư mục chia sẻ làm danh mục tin cậy; Mac: chép manifest vào ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef), chọn {path}.",
    "xl.dev.stopped": "Đã dừng máy chủ ngăn tác vụ (pid {pid}).",
    "xl.dev.not-running": "Máy chủ ngăn tác vụ không chạy (không có {file}).",
    "xl.dev.stale": "Tiến trình {pid} không còn chạy; đã xóa {file}.",
  },
  en: {
    "xl.dev.building": "Building the task pane…",
    "xl.dev.serving": "The task pane is served at {url} (stop: npm stop or Ctrl+C).",
    "xl.dev.manifest": "Manifest for this machine: {path}",
    "xl.dev.certs-installed": "Using office-addin-dev-certs' development certificates (trusted on this machine).",
    "xl.dev.certs-untrusted": "Could not install the root certificate ({detail}); using a self-signed certificate in {dir}. Browsers and Excel will warn until you trust {ca}.",
    "xl.dev.certs-none": "Could not create certificates ({detail}); serving plain http at {url}. Excel loads add-ins over https only: use this to look at the pane in a browser.",
    "xl.dev.port-busy": "Port {port} is busy (is npm start running already?). Stop it with npm stop or set PORT=…",
    "xl.dev.sideloading": "Sideloading into desktop Excel (office-addin-debugging)…",
    "xl.dev.no-debugging": "office-addin-debugging is not installed (it cannot be installed from the npm registry), so nothing is sideloaded automatically. Sideload by hand as excel-addin/README.md, \"Sideloading\", says:",
    "xl.dev.no-excel": "This machine has no desktop Excel. The server keeps running: open Excel on the web (office.com), Home › Add-ins › Upload My Add-in, and choose {path}.",
    "xl.dev.excel-found": "Excel found at {excel}: open Excel, Insert › My Add-ins › Upload My Add-in (Windows: a shared-folder trusted catalog; Mac: copy the manifest to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef), and choose {path}.",
    "xl.dev.stopped": "Stopped the task pane server (pid {pid}).",
    "xl.dev.not-running": "The task pane server is not running (no {file}).",
    "xl.dev.stale": "Process {pid} is gone; removed {file}.",
  },
} satisfies Record<Lang, Record<string, string>>;

export const devLang: Lang = process.argv.includes("--lang=en") || /^en/i.test(process.env.CHITIEU_LANG ?? "") ? "en" : "vi";

export function dx(key: keyof (typeof messages)["vi"], params: MessageParams = {}): string {
  return fill(messages[devLang][key], params);
}
