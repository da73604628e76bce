from django.apps import AppConfig


class DecisionSupportConfig(AppConfig):
    name = "keywork.decisionsupport"
    label = "decisionsupport"
    verbose_name = "Decision support tool"

    def ready(self):
        from django.db.models.signals import post_save

        from keywork import personrecord
        from keywork.decisionsupport import person_record
        from keywork.decisionsupport.models import give_new_service_the_default_domains
        from keywork.services.models import Service

        personrecord.register(person_record.PART)
        post_save.connect(give_new_service_the_default_domains, sender=Service, dispatch_uid="decisionsupport-domains")
