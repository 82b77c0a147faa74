import factory

from people.enums import Role, StructureType
from people.models import Region, User

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    """A person. `regions` takes region codes; the password is PASSWORD."""

    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    role = Role.COORDINATOR
    preferred_language = "fr"
    structure_type = StructureType.MSP
    structure_name = factory.Sequence(lambda n: f"MSP des Lilas {n}")
    structure_town = "Rennes"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        self.save()
        if create and extracted:
            self.regions.set(Region.objects.filter(code__in=extracted))
