from django.db import models


class ScheduledRun(models.Model):
    """A periodic job's run in its time slot (`manage.py once`): the first server to record it
    runs the job; the others, whose timers fired too, find it and do nothing."""

    command = models.CharField(max_length=100)
    slot = models.BigIntegerField()
    host = models.CharField(max_length=255)
    started_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["command", "slot"], name="one_run_per_slot"),
        ]
        verbose_name = "tâche périodique lancée"
        verbose_name_plural = "tâches périodiques lancées"

    def __str__(self):
        return f"{self.command} ({self.host})"
