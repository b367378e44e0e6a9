"""问卷星's header row is recognised by its fixed columns or its numbered question texts."""

from report_lib.data.survey.exports import wenjuanxing


def test_looks_like():
    assert wenjuanxing.looks_like(["序号", "提交答卷时间", "1、您的银行？"])
    assert wenjuanxing.looks_like(["id", "1、甲？", "2、乙？(提升服务)"])
    assert not wenjuanxing.looks_like(["respondent_id", "segment", "q1"])
    assert wenjuanxing.SEPARATOR == "┋" and "(跳过)" in wenjuanxing.EMPTY_MARKERS
