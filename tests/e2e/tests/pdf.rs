//! 导出 PDF in the real window: the button, the save dialog, LibreOffice, the history.

mod harness;
mod pdf_support;

use harness::Driver;
use pdf_support::pdf_pages;

#[tokio::test(flavor = "multi_thread")]
async fn export_pdf_writes_the_report_through_libreoffice_and_keeps_the_version() {
    let driver = Driver::start().await;
    let app = driver.launch().await;
    app.import_sample_into_empty_library().await;
    app.open_first_report().await;

    let out = driver.dir.path().join("长子营镇年度报告.pdf");
    app.answer_save_dialog(&out).await;
    app.click("export-pdf").await;
    // The button says what is happening while LibreOffice runs, then the notice says where.
    let notice = app
        .until(120, "the export's notice", || async {
            for n in app.all(&harness::tid("notice")).await {
                let text = app.text_of(&n).await;
                if text.contains("PDF") {
                    return Some(text);
                }
            }
            None
        })
        .await;
    assert!(notice.contains("已导出 PDF"), "{notice}");
    assert!(notice.contains("长子营镇年度报告.pdf"), "{notice}");
    let button = app.id("export-pdf").await;
    assert_eq!(button.text().await.unwrap(), "导出 PDF");

    let pages = pdf_pages(&out);
    assert!(pages >= 3, "the sample fills several pages, got {pages}");

    app.click("history").await;
    app.until(10, "the export in 历史版本", || async {
        let items = app.all(&harness::tid("history-item")).await;
        for item in items {
            if app.text_of(&item).await.contains("长子营镇年度报告.pdf") {
                return Some(());
            }
        }
        None
    })
    .await;
    app.quit().await;
    driver.stop().await;
}
