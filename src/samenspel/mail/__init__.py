"""The outbox: every e-mail Samenspel sends leaves through `samenspel.mail.outbox.queue_mail`."""
