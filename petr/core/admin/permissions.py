from wagtail.permission_policies import ModelPermissionPolicy


class LimitedPolicy(ModelPermissionPolicy):
    """Django's model permissions, restricted to the actions the data allows (for example,
    imported data that staff may read but not edit, or messages they may read and delete)."""

    def __init__(self, model, actions):
        super().__init__(model)
        self.actions = actions

    def user_has_permission(self, user, action):
        return action in self.actions and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)
