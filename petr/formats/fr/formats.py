"""What staff may type for a date and a time, on top of Django's French formats: `05/12/2026`,
`5/12/26`, `9:30`, `9h30`, `9 h 30`, `9h`. The first of each list is how values are shown."""

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%d-%m-%Y", "%Y-%m-%d"]
TIME_INPUT_FORMATS = ["%H:%M", "%Hh%M", "%H h %M", "%Hh", "%H h", "%H:%M:%S", "%H.%M"]
DATETIME_INPUT_FORMATS = [
    f"{date} {time}" for date in DATE_INPUT_FORMATS for time in TIME_INPUT_FORMATS
] + [f"{date} à {time}" for date in DATE_INPUT_FORMATS[:1] for time in TIME_INPUT_FORMATS]
