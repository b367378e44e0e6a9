"""A survey wave: the questionnaire and one row of answers per respondent (DESIGN.md section 8)."""
